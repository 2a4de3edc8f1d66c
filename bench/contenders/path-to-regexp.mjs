import { match } from "path-to-regexp";
import { toPath } from "./_path.mjs";

// Literal-first order: at the first differing segment a literal sorts before a param,
// so the first full match is the one a literal-beats-param router picks.
const rank = (path) => path.split("/").map((s) => (s.startsWith(":") ? "1" : `0${s}`));
const compare = (a, b) => {
  const x = rank(a.path);
  const y = rank(b.path);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length;
};

export const setup = (routes) => {
  const byMethod = new Map();
  for (const r of [...routes].sort(compare)) {
    if (!byMethod.has(r.method)) byMethod.set(r.method, []);
    byMethod.get(r.method).push({ fn: match(r.path, { decode: false }), key: `${r.method} ${r.path}` });
  }
  return (method, url) => {
    const path = toPath(url).replace(/\/$/, "");
    for (const m of byMethod.get(method) ?? []) if (m.fn(path)) return m.key;
    return null;
  };
};
