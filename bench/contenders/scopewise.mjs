import { requiredScopes } from "../../dist/esm/index.js";

// Each contender returns its native answer; `key` names the endpoint for the agreement check.
export const setup = () => (method, url) => {
  const r = requiredScopes({ method, url });
  return r.status === "matched" ? r.endpoint : null;
};

export const key = (endpoint) => `${endpoint.method} ${endpoint.path}`;
