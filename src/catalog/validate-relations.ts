import type { Issue } from "../util/errors.js";
import type { CatalogData } from "./types.js";
import { MAX_IMPLICATION_DEPTH } from "./limits.js";
import { parseTemplate } from "./parse-template.js";
import { splitTemplate } from "./split-template.js";

const at = (i: number, j?: number, field?: string): string =>
  `$.scopes[${i}]` + (j === undefined ? "" : `.endpoints[${j}]`) + (field ? `.${field}` : "");

const findCycles = (data: CatalogData, issues: Issue[]): void => {
  const index = new Map(data.scopes.map((s, i) => [s.name, i]));
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (name: string): void => {
    state.set(name, "open");
    stack.push(name);
    const i = index.get(name) ?? -1;
    (data.scopes[i]?.implies ?? []).forEach((next, j) => {
      if (!index.has(next) || next === name) return; // self-implication is reported on its own
      if (state.get(next) === "open") {
        const cycle = [...stack.slice(stack.indexOf(next)), next].join(" → ");
        issues.push({
          code: "implication-cycle",
          path: `${at(i)}.implies[${j}]`,
          message: `implication cycle: ${cycle}`,
        });
      } else if (!state.has(next)) visit(next);
    });
    stack.pop();
    state.set(name, "done");
  };
  for (const s of data.scopes) if (!state.has(s.name)) visit(s.name);
};

// Longest implication chain from each scope; only called on an acyclic catalog.
const findDeepChains = (data: CatalogData, issues: Issue[]): void => {
  const index = new Map(data.scopes.map((s, i) => [s.name, i]));
  const depth = new Map<string, number>();
  const depthOf = (name: string): number => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    const implied = data.scopes[index.get(name) ?? -1]?.implies ?? [];
    const d = 1 + Math.max(0, ...implied.filter((n) => index.has(n) && n !== name).map(depthOf));
    depth.set(name, d);
    return d;
  };
  const i = data.scopes.findIndex((s) => depthOf(s.name) > MAX_IMPLICATION_DEPTH);
  if (i !== -1) {
    issues.push({
      code: "too-large",
      path: `${at(i)}.implies`,
      message:
        `${data.scopes[i]!.name} starts an implication chain of ${depthOf(data.scopes[i]!.name)} scopes; ` +
        `the limit is ${MAX_IMPLICATION_DEPTH}`,
    });
  }
};

/**
 * Checks what the schema cannot: names that must resolve, cycles, duplicate or
 * equally ranked templates. Returns every problem, in catalog order.
 */
export const validateRelations = (data: CatalogData): Issue[] => {
  const issues: Issue[] = [];
  const names = new Map<string, number>();
  data.scopes.forEach((s, i) => {
    const first = names.get(s.name);
    if (first === undefined) names.set(s.name, i);
    else
      issues.push({
        code: "duplicate-scope",
        path: at(i, undefined, "name"),
        message: `scope ${s.name} is already defined at ${at(first)}`,
      });
  });
  const unknownScope = (name: string, path: string): void => {
    if (!names.has(name))
      issues.push({ code: "unknown-scope", path, message: `unknown scope ${JSON.stringify(name)}` });
  };
  data.scopes.forEach((s, i) =>
    (s.implies ?? []).forEach((name, j) => {
      unknownScope(name, `${at(i)}.implies[${j}]`);
      if (name === s.name)
        issues.push({ code: "implication-cycle", path: `${at(i)}.implies[${j}]`, message: `${s.name} implies itself` });
    }),
  );
  const cycles = issues.length;
  findCycles(data, issues);
  if (issues.length === cycles) findDeepChains(data, issues);

  const exact = new Map<string, string>();
  const shapes = new Map<string, { where: string; path: string }>();
  data.scopes.forEach((s, i) =>
    s.endpoints.forEach((e, j) => {
      const where = at(i, j);
      const parsed = parseTemplate(e.path);
      if (!parsed.ok) {
        issues.push({
          code: "invalid-template",
          path: `${where}.path`,
          message: `template ${JSON.stringify(e.path)}: ${parsed.message}`,
        });
        return;
      }
      if (JSON.stringify(parsed.segments) !== JSON.stringify(splitTemplate(e.path))) {
        issues.push({
          code: "invalid-template",
          path: `${where}.path`,
          message: `template ${JSON.stringify(e.path)}: param names must be plain identifiers`,
        });
        return;
      }
      const params = parsed.segments.flatMap((seg) => (seg.kind === "param" ? [seg.name] : []));
      const dupParam = params.find((p, k) => params.indexOf(p) !== k);
      if (dupParam !== undefined)
        issues.push({ code: "invalid-template", path: `${where}.path`, message: `param :${dupParam} appears twice` });
      const key = `${e.method} ${e.path}`;
      const shape = `${e.method} /${parsed.segments.map((seg) => (seg.kind === "param" ? ":" : seg.value)).join("/")}`;
      const firstExact = exact.get(key);
      const firstShape = shapes.get(shape);
      if (firstExact !== undefined) {
        issues.push({ code: "duplicate-endpoint", path: where, message: `${key} is already listed at ${firstExact}` });
      } else if (firstShape !== undefined) {
        issues.push({
          code: "ambiguous-templates",
          path: `${where}.path`,
          message:
            `${key} matches the same requests as ${e.method} ${firstShape.path} at ${firstShape.where} ` +
            "with equal precedence",
        });
      }
      if (firstExact === undefined) exact.set(key, where);
      if (firstShape === undefined) shapes.set(shape, { where, path: e.path });
      (e.alsoUnlockedBy ?? []).forEach((name, k) => {
        unknownScope(name, `${where}.alsoUnlockedBy[${k}]`);
        if (name === s.name)
          issues.push({
            code: "redundant-scope",
            path: `${where}.alsoUnlockedBy[${k}]`,
            message: `${name} already owns this endpoint`,
          });
      });
    }),
  );
  data.scopes.forEach((s, i) =>
    s.endpoints.forEach((e, j) => {
      if (!e.replacedBy) return;
      const path = `${at(i, j)}.replacedBy`;
      const key = `${e.replacedBy.method} ${e.replacedBy.path}`;
      if (e.deprecated !== true)
        issues.push({
          code: "replacement-without-deprecation",
          path,
          message: "replacedBy is only allowed on a deprecated endpoint",
        });
      if (!exact.has(key))
        issues.push({ code: "unknown-endpoint", path, message: `replacement ${key} is not in the catalog` });
      else if (key === `${e.method} ${e.path}`)
        issues.push({ code: "unknown-endpoint", path, message: "an endpoint cannot replace itself" });
    }),
  );
  data.baseUrls.forEach((u, i) => {
    const url = new URL(u);
    // Canonical, as the WHATWG URL parser writes it (no dot segments, lower-case host,
    // no default port): the matcher may compare request URLs with it as written.
    const canonical = url.pathname === "/" ? url.href.slice(0, -1) : url.href;
    if (url.search !== "" || url.hash !== "" || u.endsWith("/")) {
      issues.push({
        code: "invalid-base-url",
        path: `$.baseUrls[${i}]`,
        message: "base URLs have no query, fragment or trailing slash",
      });
    } else if (canonical !== u) {
      issues.push({
        code: "invalid-base-url",
        path: `$.baseUrls[${i}]`,
        message: `base URLs are written in canonical form: ${canonical}`,
      });
    }
  });
  return issues;
};
