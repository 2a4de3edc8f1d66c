import type { AuditedToken, TokenAudit } from "../checker/audit-types.js";
import { printable } from "../util/printable.js";
import { plural } from "../util/text.js";
import { RULES, type Finding, type RuleId } from "./model.js";

/** How reports name a token Dynamic described: `token t1 "CI deploy" (…abc123)`, its text made printable. */
export const tokenLabel = (t: Pick<AuditedToken, "id" | "note" | "checksum">, position: number): string => {
  const id = t.id === undefined ? `#${position + 1}` : printable(t.id, 80);
  const note = t.note ? ` "${printable(t.note, 80)}"` : "";
  return `token ${id}${note}${t.checksum ? ` (…${printable(t.checksum, 12)})` : ""}`;
};

const finding = (ruleId: RuleId, message: string): Finding => ({
  ruleId,
  level: RULES.find((r) => r.id === ruleId)!.level,
  message,
});

const WHY_UNRESTRICTED = {
  absent: "Dynamic's answer has no scope list for it",
  empty: "Dynamic's answer lists no scopes for it",
  malformed: "Dynamic's answer has a scope field that is not a list",
  listed: "",
} as const;

/** Which findings {@link tokenFindings} gives; a live check gets unused and unknown scopes from its check. */
export interface TokenFindingOptions {
  readonly maxAgeDays: number;
  /** Leave out unknown and unused scopes. */
  readonly scopesChecked?: boolean;
}

/** The findings about one audited token, every string from the server made printable. */
export const tokenFindings = <S extends string>(
  t: AuditedToken<S>,
  label: string,
  options: TokenFindingOptions,
): Finding[] => {
  const out: Finding[] = [];
  if (t.scopeList !== "listed")
    out.push(
      finding(
        "unrestricted-token",
        `${label}: ${WHY_UNRESTRICTED[t.scopeList]}, so it is unrestricted or unknown; ` +
          "replace it with a token that has explicit scopes",
      ),
    );
  if (!options.scopesChecked) {
    for (const u of t.unknownScopes)
      out.push(
        finding(
          "unknown-scope",
          `${label}: ${printable(u.scope, 80)} is not a scope in the catalog` +
            (u.didYouMean ? `; did you mean ${u.didYouMean}?` : ""),
        ),
      );
    for (const u of t.unused ?? [])
      out.push(
        finding(
          "unused-scope",
          `${label}: ${u.scope} is granted but no call needs it; ` +
            `it unlocks ${plural(u.unlocks, "endpoint")} for nothing`,
        ),
      );
  }
  if (t.broader)
    out.push(
      finding(
        "broader-scope",
        `${label}: ${t.broader.holds.join(", ")} (${plural(t.broader.unlocks, "endpoint")}) where ` +
          `${t.broader.instead.join(", ") || "its other scopes"} (${plural(t.broader.insteadUnlocks, "endpoint")}) ` +
          "would cover the same calls",
      ),
    );
  if (t.problems.includes("too-old"))
    out.push(
      finding(
        "stale-token",
        `${label}: ${plural(t.ageDays ?? 0, "day")} old, over the ${options.maxAgeDays}-day limit: ` +
          "create a new token and delete this one",
      ),
    );
  if (t.problems.includes("age-unknown"))
    out.push(
      finding(
        "stale-token",
        `${label}: no readable createdAt` +
          `${t.createdAt === undefined ? "" : ` ("${printable(t.createdAt, 40)}")`}, so its age is unknown`,
      ),
    );
  return out;
};

/**
 * The findings of a token audit, token by token (calls' own findings, such as unidentified or denied
 * calls, come from the plan). Every string from the server is made printable.
 */
export const auditFindings = <S extends string>(audit: TokenAudit<S>): Finding[] => [
  ...audit.pagingHints.map((h) =>
    finding(
      "incomplete-token-list",
      `the token list may be incomplete (${printable(h)}): tokens on other pages were not audited`,
    ),
  ),
  ...audit.unreadable.map((u) =>
    finding("incomplete-token-list", `tokens[${u.index}] is not a token (${u.reason}): it was not audited`),
  ),
  ...audit.tokens.flatMap((t, i) => tokenFindings(t, tokenLabel(t, i), { maxAgeDays: audit.maxAgeDays })),
];
