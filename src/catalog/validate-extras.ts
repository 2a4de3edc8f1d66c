import type { Issue } from "../util/errors.js";
import { parseTemplate } from "./parse-template.js";
import { riskRank, riskLabel } from "./risk.js";
import type { CatalogData } from "./types.js";

const shapeOf = (method: string, path: string): string => `${method} ${path.replace(/\/:[^/]+/g, "/:")}`;

/**
 * Risk ratings that understate: an endpoint rated above a scope that unlocks it, or a
 * scope rated below one it implies. Either would let a gate pass a token that can do more
 * than its rating says. (An unrated scope ranks above critical, so it never understates.)
 */
const riskIssues = (data: CatalogData, issues: Issue[]): void => {
  const byName = new Map(data.scopes.map((s) => [s.name, s]));
  data.scopes.forEach((s, i) => {
    for (const name of s.implies ?? []) {
      const implied = byName.get(name);
      if (implied && riskRank(implied.risk) > riskRank(s.risk))
        issues.push({
          code: "risk-understated",
          path: `$.scopes[${i}].risk`,
          message: `${s.name} is rated ${s.risk?.level} but implies ${name} (${riskLabel(implied.risk)})`,
        });
    }
    s.endpoints.forEach((e, j) => {
      if (e.risk === undefined) return;
      for (const name of [s.name, ...(e.alsoUnlockedBy ?? [])]) {
        const owner = byName.get(name);
        if (!owner || riskRank(e.risk) <= riskRank(owner.risk)) continue;
        issues.push({
          code: "risk-understated",
          path: `$.scopes[${i}].endpoints[${j}].risk`,
          message:
            `${e.method} ${e.path} is rated ${e.risk.level}, ` + `above ${name} (${owner.risk?.level}) that unlocks it`,
        });
      }
    });
  });
};

/** Undocumented endpoints: valid templates, listed once, and not also documented. */
const undocumentedIssues = (data: CatalogData, issues: Issue[]): void => {
  const documented = new Map<string, string>();
  data.scopes.forEach((s, i) =>
    s.endpoints.forEach((e, j) => documented.set(shapeOf(e.method, e.path), `$.scopes[${i}].endpoints[${j}]`)),
  );
  const seen = new Map<string, string>();
  (data.undocumented ?? []).forEach((group, i) =>
    group.endpoints.forEach((key, j) => {
      const path = `$.undocumented[${i}].endpoints[${j}]`;
      const space = key.indexOf(" ");
      const template = key.slice(space + 1);
      const parsed = parseTemplate(template);
      if (!parsed.ok) {
        issues.push({
          code: "invalid-template",
          path,
          message: `template ${JSON.stringify(template)}: ${parsed.message}`,
        });
        return;
      }
      const shape = shapeOf(key.slice(0, space), template);
      const first = seen.get(shape);
      if (first !== undefined)
        issues.push({ code: "duplicate-endpoint", path, message: `${key} is already listed at ${first}` });
      else seen.set(shape, path);
      const scoped = documented.get(shape);
      if (scoped !== undefined)
        issues.push({
          code: "documented-undocumented",
          path,
          message: `${key} has a documented scope (${scoped}); take it off the undocumented list`,
        });
    }),
  );
  (data.undocumented ?? []).forEach((group, i) =>
    (group.prefixes ?? []).forEach((prefix, j) => {
      const path = `$.undocumented[${i}].prefixes[${j}]`;
      const parsed = parseTemplate(prefix);
      if (!parsed.ok || prefix === "/") {
        const why = parsed.ok ? "a prefix of everything documents nothing" : parsed.message;
        issues.push({ code: "invalid-template", path, message: `prefix ${JSON.stringify(prefix)}: ${why}` });
        return;
      }
      // A prefix covers a whole subtree: no documented endpoint may sit under it.
      const under = [...documented].find(([shape]) => {
        const p = shape.slice(shape.indexOf(" ") + 1);
        return `${p}/`.startsWith(`${prefix.replace(/\/:[^/]+/g, "/:")}/`);
      });
      if (under !== undefined)
        issues.push({
          code: "documented-undocumented",
          path,
          message: `${under[0]} under prefix ${prefix} has a documented scope (${under[1]})`,
        });
    }),
  );
};

/** Checks format 2's additions: risk ratings that understate, and the undocumented list. */
export const validateExtras = (data: CatalogData): Issue[] => {
  const issues: Issue[] = [];
  riskIssues(data, issues);
  undocumentedIssues(data, issues);
  return issues;
};
