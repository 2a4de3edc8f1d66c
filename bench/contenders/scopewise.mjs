import { requiredScopes } from "../../dist/esm/index.js";

export const setup = () => (method, url) => {
  const r = requiredScopes({ method, url });
  return r.status === "matched" ? `${r.endpoint.method} ${r.endpoint.path}` : null;
};
