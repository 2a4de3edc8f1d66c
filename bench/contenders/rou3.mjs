import { addRoute, createRouter, findRoute } from "rou3";
import { toPath } from "./_path.mjs";

export const setup = (routes) => {
  const router = createRouter();
  for (const r of routes) addRoute(router, r.method, r.path, `${r.method} ${r.path}`);
  return (method, url) => findRoute(router, method, toPath(url))?.data ?? null;
};
