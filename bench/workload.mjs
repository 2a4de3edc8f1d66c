// Seeded, deterministic request mix for the matcher benchmark: ~90% instances of
// catalog endpoints with realistic ids, ~10% misses (real Dynamic API paths the
// catalog lacks, and near-misses of catalog paths).
import catalog from "../data/dynamic.catalog.json" with { type: "json" };
import sdk from "../data/dynamic-sdk-operations.json" with { type: "json" };

/** mulberry32: small, fast, and the same sequence everywhere. */
export const rng = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export const routes = catalog.scopes.flatMap((s) => s.endpoints.map((e) => ({ method: e.method, path: e.path })));

// Real paths of Dynamic's API with no documented token scope: the @dynamic-labs/sdk-api
// operations the SDK mapping marks undocumented (CORS preflights left out).
export const uncovered = sdk.operations
  .filter((o) => !o.documented && o.method !== "OPTIONS")
  .map((o) => [o.method, o.path.replace(/\{(\w+)\}/g, ":$1")]);

const hex = (r, n) => Array.from({ length: n }, () => "0123456789abcdef"[Math.floor(r() * 16)]).join("");
const uuid = (r) => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-a${hex(r, 3)}-${hex(r, 12)}`;
const shortId = (r) => `${["usr", "wal", "env", "tok"][Math.floor(r() * 4)]}_${hex(r, 10)}`;
const CHAINS = ["EVM", "SOL", "BTC", "COSMOS"];
const VIEWS = ["login", "wallet"];

const fill = (r, template) =>
  template.replace(/:(\w+)/g, (_, name) =>
    name === "chainName"
      ? CHAINS[Math.floor(r() * 4)]
      : name === "viewType"
        ? VIEWS[Math.floor(r() * 2)]
        : r() < 0.7
          ? uuid(r)
          : shortId(r),
  );

const decorate = (r, path) => {
  const x = r();
  const base = x < 0.25 ? catalog.baseUrls[0] : x < 0.3 ? catalog.baseUrls[1] : x < 0.4 ? "/api/v0" : "";
  const query = r() < 0.2 ? `?limit=${Math.floor(r() * 100)}&cursor=${hex(r, 8)}` : "";
  return `${base}${path}${query}`;
};

const nearMiss = (r) => {
  const t = routes[Math.floor(r() * routes.length)];
  const path = fill(r, t.path);
  const kind = Math.floor(r() * 3);
  // Typo in the first literal, an extra trailing segment, or an unknown leading segment.
  if (kind === 0)
    return {
      method: t.method,
      url: decorate(
        r,
        path.replace(/\/([A-Za-z]+)/, (_, w) => `/${w}x`),
      ),
    };
  if (kind === 1) return { method: t.method, url: decorate(r, `${path}/extra/${hex(r, 4)}`) };
  return { method: t.method, url: decorate(r, `/v2${path}`) };
};

/** `n` requests as `{ method, url }`, the same for a given seed. */
export const makeWorkload = (n = 100_000, seed = 42) => {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const x = r();
    if (x < 0.9) {
      const t = routes[Math.floor(r() * routes.length)];
      return { method: t.method, url: decorate(r, fill(r, t.path)) };
    }
    if (x < 0.95) {
      const [method, path] = uncovered[Math.floor(r() * uncovered.length)];
      return { method, url: decorate(r, fill(r, path)) };
    }
    return nearMiss(r);
  });
};
