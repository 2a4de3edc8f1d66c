import FindMyWay from "find-my-way";
import { toPath } from "./_path.mjs";

export const setup = (routes) => {
  const router = FindMyWay({ ignoreTrailingSlash: true, caseSensitive: true });
  for (const r of routes) router.on(r.method, r.path, () => {}, `${r.method} ${r.path}`);
  return (method, url) => router.find(method, toPath(url))?.store ?? null;
};
