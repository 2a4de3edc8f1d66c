import type { TokenAudit } from "../checker/audit-types.js";
import { printable } from "../util/printable.js";
import { auditFindings, tokenLabel } from "./audit-findings.js";
import { deniedSection, table, unidentifiedSection, type Md } from "./markdown-parts.js";
import { gfm } from "./markdown-safe.js";
import type { LiveTokenInfo } from "./model.js";

const PROBLEMS = {
  unrestricted: gfm`**no scope list**: unrestricted or unknown`,
  "unknown-scope": gfm`unknown scope names`,
  "over-privileged": gfm`over-privileged`,
  "too-old": gfm`too old`,
  "age-unknown": gfm`age unknown`,
} as const;

/** A token's name in a row: its id (or place), note and checksum, as one code span. */
const name = (t: Parameters<typeof tokenLabel>[0], i: number): Md => gfm`${tokenLabel(t, i).replace(/^token /, "")}`;

const notIdentified = (m: { complete: boolean; unidentified: readonly unknown[] }): Md =>
  m.complete ? gfm`` : gfm`; ${m.unidentified.length} not identified`;

/** `token audit`: each token's age, scopes and problems, and what to remove and add. */
export const auditSection = <S extends string>(a: TokenAudit<S>): Md[] => {
  const failing = a.tokens.filter((t) => t.problems.length > 0).length;
  const m = a.minimal;
  const verdict =
    failing === 0 ? gfm`none needs attention` : gfm`${failing} need${failing === 1 ? gfm`s` : gfm``} attention`;
  const rows = a.tokens.map((t, i) => [
    name(t, i),
    t.ageDays === undefined
      ? gfm`unknown`
      : gfm`${gfm.count(t.ageDays, "day")}${t.problems.includes("too-old") ? gfm` (rotate)` : gfm``}`,
    t.scopes.length + t.unknownScopes.length === 0
      ? gfm`—`
      : gfm.join(
          [
            ...t.scopes.map((s) => gfm`${s.scope} (${s.unlocks})`),
            ...t.unknownScopes.map((u) => gfm`${printable(u.scope, 80)} (unknown)`),
          ],
          "<br>",
        ),
    t.problems.length === 0
      ? gfm`fine`
      : gfm.join(
          t.problems.map((x) => PROBLEMS[x]),
          ", ",
        ),
    ...(m === undefined ? [] : [gfm.join(t.remove ?? [], ", "), gfm.join(t.add ?? [], ", ")]),
  ]);
  const incomplete = auditFindings(a).filter((f) => f.ruleId === "incomplete-token-list");
  return [
    gfm`### scopewise: ${gfm.count(a.tokens.length, "token")} audited, ${verdict}`,
    gfm``,
    ...(m === undefined
      ? []
      : [
          gfm`Minimal scopes for ${gfm.count(m.calls.length, "call")}: ${
            m.scopes.length === 0 ? gfm`(none)` : gfm`${m.scopes.join(",")}`
          } (${gfm.count(m.unlocks, "endpoint")})${notIdentified(m)}`,
          gfm``,
        ]),
    ...(a.tokens.length === 0
      ? [gfm`The environment has no tokens.`]
      : table(["Token", "Age", "Scopes (endpoints)", "Problems", ...(m === undefined ? [] : ["Remove", "Add"])], rows)),
    ...incomplete.flatMap((f, i) => [...(i === 0 ? [gfm``] : []), gfm`- **${f.message}**`]),
    ...(m === undefined
      ? []
      : unidentifiedSection(m.unidentified, gfm`Not identified, so the audit cannot vouch for it`)),
    ...(m === undefined ? [] : deniedSection(m.calls)),
  ];
};

/** `check --live`: which token was checked, and its problems as Dynamic describes it. */
export const liveLine = <S extends string>(live: LiveTokenInfo<S>): Md[] => {
  const t = live.token;
  const age = t.ageDays === undefined ? gfm`age unknown` : gfm`${gfm.count(t.ageDays, "day")} old`;
  const problems =
    t.problems.length === 0
      ? gfm``
      : gfm`: ${gfm.join(
          t.problems.map((x) => PROBLEMS[x]),
          ", ",
        )}`;
  return [gfm`Checked the token in DYNAMIC_API_TOKEN: ${name(t, 0)}, ${age}${problems}`, gfm``];
};
