import type { SourcedCall } from "../sources/types.js";
import type { RewriteEntry } from "./config-schema.js";

const ORIGIN = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i;

/**
 * A URL or path with the first matching prefix rewritten (`/dynamic/x` → `/api/v0/x`); a prefix
 * matches whole segments only (`/dynamic` does not rewrite `/dynamical`).
 */
export const rewriteTarget = (target: string, rewrites: readonly RewriteEntry[]): string => {
  if (rewrites.length === 0) return target;
  const m = ORIGIN.exec(target);
  const origin = m ? (m[1] as string) : "";
  const rest = m ? (m[2] as string) : target;
  for (const { from, to } of rewrites) {
    const prefix = from.replace(/\/+$/, "");
    const next = rest.charAt(prefix.length);
    if (rest.startsWith(prefix) && (next === "" || next === "/" || next === "?" || next === "#")) {
      return `${origin}${to.replace(/\/+$/, "")}${rest.slice(prefix.length)}`;
    }
  }
  return target;
};

/** A sourced `{ method, url }` or `"METHOD URL"` call with its target rewritten; anything else as it is. */
export const rewriteCall = (sc: SourcedCall, rewrites: readonly RewriteEntry[]): SourcedCall => {
  if (rewrites.length === 0) return sc;
  const { call } = sc;
  if (typeof call === "string") {
    const m = /^(\s*\S+\s+)(\S+)(\s*)$/.exec(call);
    return m ? { ...sc, call: `${m[1]}${rewriteTarget(m[2] as string, rewrites)}${m[3]}` } : sc;
  }
  if (typeof call !== "object" || call === null) return sc;
  const { method, url, path } = call as { method?: unknown; url?: unknown; path?: unknown };
  if (typeof method !== "string") return sc;
  if (typeof url === "string") return { ...sc, call: { method, url: rewriteTarget(url, rewrites) } };
  if (typeof path === "string" && url === undefined)
    return { ...sc, call: { method, path: rewriteTarget(path, rewrites) } };
  return sc;
};
