import { Memoirist } from "memoirist";
import { toPath } from "./_path.mjs";

export const setup = (routes) => {
  const router = new Memoirist();
  for (const r of routes) router.add(r.method, r.path, `${r.method} ${r.path}`);
  return (method, url) => router.find(method, toPath(url))?.store ?? null;
};
