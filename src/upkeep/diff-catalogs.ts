import { plural } from "../util/text.js";
import { riskLabel } from "../catalog/risk.js";
import type { Catalog, CatalogEndpoint, Risk } from "../catalog/types.js";
import { compiledOf } from "../catalog/compiled.js";
import { matchCall } from "../matcher/required-scopes.js";
import { requestChanges } from "./request-changes.js";
import { bumpVersion, maxBump, versionAtLeast, type Bump } from "./semver.js";
import type { CatalogChange, CatalogDiff } from "./types.js";

/** An endpoint's identity across versions: method and template shape (param names do not matter). */
const shapeOf = (e: { method: string; path: string }): string => `${e.method} ${e.path.replace(/\/:[^/]+/g, "/:")}`;
const show = (e: { method: string; path: string }): string => `${e.method} ${e.path}`;
const list = (scopes: readonly string[]): string => (scopes.length === 0 ? "no scope" : scopes.join(" or "));
const minus = (a: readonly string[], b: readonly string[]): string[] => a.filter((s) => !b.includes(s));
const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((s) => b.includes(s));
const sameRisk = (a: Risk | undefined, b: Risk | undefined): boolean =>
  a?.level === b?.level && a?.rationale === b?.rationale;
type Matched = Pick<CatalogEndpoint, "method" | "path" | "anyOf">;

/** The endpoint a request shaped like `template` matches in `catalog`, or undefined when it is not identified there. */
const probe = (catalog: Catalog, e: { method: string; path: string }): Matched | undefined => {
  // Suggestions for a miss are no part of its answer, and on thousands of literals they cost milliseconds.
  const r = matchCall(compiledOf(catalog), { method: e.method, path: e.path }, false);
  return r.status === "matched" ? { method: r.endpoint.method, path: r.endpoint.path, anyOf: r.anyOf } : undefined;
};

const scopeChanges = (old: Catalog, next: Catalog, out: CatalogChange[]): void => {
  for (const name of old.scopes) {
    const before = old.scope(name)!;
    const after = next.scope(name);
    if (after === undefined) {
      const message = `scope ${name} is gone: tokens that carry it lose its ${before.unlocks} endpoints`;
      out.push({ kind: "scope-removed", bump: "major", scope: name, message });
      continue;
    }
    const what = [
      before.description !== after.description ? "description" : "",
      before.group !== after.group ? "group" : "",
      !sameSet(before.implies, after.implies) ? `implies (${list(before.implies)} → ${list(after.implies)})` : "",
    ].filter(Boolean);
    if (what.length > 0)
      out.push({ kind: "scope-changed", bump: "patch", scope: name, message: `${name}: ${what.join(", ")} changed` });
    if (!sameRisk(before.risk, after.risk)) {
      const message = `${name} is rated ${riskLabel(after.risk)} (was ${riskLabel(before.risk)})`;
      const risks = {
        ...(before.risk ? { riskBefore: before.risk } : {}),
        ...(after.risk ? { riskAfter: after.risk } : {}),
      };
      out.push({ kind: "risk-changed", bump: "minor", scope: name, message, ...risks });
    }
  }
  for (const name of next.scopes) {
    if (old.scope(name) !== undefined) continue;
    const info = next.scope(name)!;
    const message = `new scope ${name} (${riskLabel(info.risk)}), unlocking ${plural(info.unlocks, "endpoint")}`;
    out.push({ kind: "scope-added", bump: "minor", scope: name, message });
  }
};

/** An endpoint in both: who unlocks it, its deprecation, summary, template and rating. */
const endpointChanges = (a: CatalogEndpoint, b: CatalogEndpoint, out: CatalogChange[]): void => {
  const endpoint = { method: a.method, path: a.path };
  const base = { endpoint, before: a.anyOf, after: b.anyOf };
  if (!sameSet(a.anyOf, b.anyOf)) {
    const lost = minus(a.anyOf, b.anyOf);
    const message =
      `${show(a)} now needs ${list(b.anyOf)} (was ${list(a.anyOf)})` +
      (lost.length > 0 ? `: tokens with only ${lost.join(" or ")} are denied` : "");
    out.push({ kind: "endpoint-moved", bump: lost.length > 0 ? "major" : "minor", message, ...base });
  }
  if (a.path !== b.path)
    out.push({ kind: "template-renamed", bump: "patch", message: `${show(a)} is written ${b.path}`, ...base });
  if (a.deprecated !== b.deprecated) {
    const kind = b.deprecated ? "deprecated" : "undeprecated";
    const instead = b.replacedBy ? `; use ${show(b.replacedBy)}` : "";
    const message = b.deprecated ? `${show(a)} is deprecated${instead}` : `${show(a)} is no longer deprecated`;
    out.push({ kind, bump: "minor", message, ...base });
  } else if (a.deprecated && (a.replacedBy && show(a.replacedBy)) !== (b.replacedBy && show(b.replacedBy))) {
    const ref = (r: typeof a.replacedBy): string => (r ? show(r) : "none");
    const message = `${show(a)}: replacement ${ref(b.replacedBy)} (was ${ref(a.replacedBy)})`;
    out.push({ kind: "replacement-changed", bump: "patch", message, ...base });
  }
  if (a.summary !== b.summary)
    out.push({
      kind: "summary-changed",
      bump: "patch",
      message: `${show(a)}: "${a.summary}" → "${b.summary}"`,
      ...base,
    });
  if (!sameRisk(a.risk, b.risk)) {
    const own = (r: Risk | undefined): string => r?.level ?? "its scope's";
    const message = `${show(a)}'s own rating is ${own(b.risk)} (was ${own(a.risk)})`;
    out.push({ kind: "risk-changed", bump: "minor", message, ...base });
  }
};

/**
 * Endpoints added and removed; a removed one is judged by where its requests fall now (to an
 * endpoint with other scopes, it breaks tokens just as a moved endpoint does). What an added
 * one takes from others is for {@link requestChanges}.
 */
const addedAndRemoved = (old: Catalog, next: Catalog, out: CatalogChange[]): void => {
  const oldShapes = new Map(old.endpoints.map((e) => [shapeOf(e), e]));
  const newShapes = new Map(next.endpoints.map((e) => [shapeOf(e), e]));
  for (const [shape, a] of oldShapes) {
    const b = newShapes.get(shape);
    if (b !== undefined) {
      endpointChanges(a, b, out);
      continue;
    }
    const now = probe(next, a);
    const endpoint = { method: a.method, path: a.path };
    if (now === undefined) {
      const message = `${show(a)} is gone (${list(a.anyOf)}): calls to it are no longer identified`;
      out.push({ kind: "endpoint-removed", bump: "major", message, endpoint, before: a.anyOf, after: [] });
      continue;
    }
    const lost = minus(a.anyOf, now.anyOf);
    const message =
      `${show(a)} is gone; its requests now match ${show(now)}, which needs ${list(now.anyOf)}` +
      (lost.length > 0 ? ` (was ${list(a.anyOf)})` : "");
    const bump = lost.length > 0 ? "major" : "minor";
    out.push({ kind: "endpoint-removed", bump, message, endpoint, before: a.anyOf, after: now.anyOf });
  }
  for (const [shape, b] of newShapes) {
    if (oldShapes.has(shape)) continue;
    const endpoint = { method: b.method, path: b.path };
    const message = `new endpoint ${show(b)} (${list(b.anyOf)})`;
    out.push({ kind: "endpoint-added", bump: "minor", message, endpoint, before: [], after: b.anyOf });
  }
};

const otherChanges = (old: Catalog, next: Catalog, out: CatalogChange[]): void => {
  // Sets, not lists: a catalog may list thousands of base URLs.
  const [oldB, newB] = [new Set(old.baseUrls), new Set(next.baseUrls)];
  for (const u of oldB)
    if (!newB.has(u))
      out.push({ kind: "base-url-removed", bump: "major", message: `base URL ${u} is gone: calls to it are unknown` });
  for (const u of newB)
    if (!oldB.has(u)) out.push({ kind: "base-url-added", bump: "minor", message: `new base URL ${u}` });
  const oldU = new Set(old.undocumented.map(shapeOf));
  const newU = new Set(next.undocumented.map(shapeOf));
  for (const u of old.undocumented)
    if (!newU.has(shapeOf(u)))
      out.push({
        kind: "undocumented-removed",
        bump: "patch",
        message: `${show(u)} is off the undocumented list`,
        endpoint: u,
      });
  for (const u of next.undocumented)
    if (!oldU.has(shapeOf(u)))
      out.push({
        kind: "undocumented-added",
        bump: "patch",
        message: `${show(u)} exists with no documented scope (${u.source})`,
        endpoint: u,
      });
};

/**
 * What changed from `old` to `next`, each change with its semver weight, and the version
 * `next` should carry. Endpoints are compared by method and template shape; then every kind
 * of request either catalog answers is asked of both (request-changes.ts), so a change that
 * moves any request to other scopes, or leaves it unidentified, is never below major.
 */
export const diffCatalogs = (old: Catalog, next: Catalog): CatalogDiff => {
  const changes: CatalogChange[] = [];
  scopeChanges(old, next, changes);
  addedAndRemoved(old, next, changes);
  otherChanges(old, next, changes);
  changes.push(...requestChanges(old, next, changes));
  const bump = changes.reduce<Bump>((b, c) => maxBump(b, c.bump), "none");
  const expectedVersion = bumpVersion(old.version, bump);
  return {
    old: { name: old.name, version: old.version },
    new: { name: next.name, version: next.version },
    changes,
    bump,
    expectedVersion,
    versionOk: versionAtLeast(next.version, expectedVersion),
  };
};
