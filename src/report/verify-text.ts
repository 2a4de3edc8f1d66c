import type { TokenVerdict } from "../gate/verify.js";
import type { SourceLocation } from "../sources/types.js";
import { plural } from "../util/text.js";
import { ignoresText } from "./ignores-text.js";
import { describeInput } from "./inputs.js";
import { formatLocation, shownCall } from "./location.js";
import type { Report } from "./model.js";
import type { Style } from "./style.js";
import { problemsBlock, unidentifiedBlock } from "./text.js";
import { verifyOutcome } from "./verify-json.js";

const at = (s: SourceLocation | undefined): string => (s === undefined ? "" : `${formatLocation(s)}  `);

const tokenText = (t: TokenVerdict, file: string, strict: boolean, quiet: boolean, style: Style): string[] => {
  const bad = t.missing.length > 0 || t.unknownScopes.length > 0 || t.calls === 0;
  const verdict = bad
    ? style.red("NOT covered")
    : t.unused.length > 0 || t.notMinimal
      ? style.yellow("covered, wider than needed")
      : style.green("covered by the minimal set");
  const lines = [
    `${style.bold(t.policyPath)}: ${verdict} for ${plural(t.calls, "call")}  ${style.dim(formatLocation(t.source))}`,
  ];
  lines.push(`  policy:  ${t.policy.join(", ") || "(none)"}`, `  minimal: ${t.minimal.join(", ") || "(none)"}`);
  if (t.calls === 0) lines.push(style.red("  its inputs hold no calls: nothing to vouch for"));
  const byScope = new Map<string, typeof t.missing>();
  for (const m of t.missing) byScope.set(m.scope, [...(byScope.get(m.scope) ?? []), m]);
  for (const [scope, calls] of byScope) {
    lines.push(
      style.red(`  needs ${scope} for ${plural(calls.length, "call")}: add it to ${t.policyPath} in ${file}`) +
        " (a reviewed change)",
    );
    for (const m of calls) lines.push(`    ${at(m.source)}${shownCall(m.call, m.source)}`);
  }
  for (const u of t.unknownScopes) {
    const guess = u.didYouMean ? ` (did you mean ${u.didYouMean}?)` : "";
    lines.push(
      style.red(`  unknown scope ${u.scope}${guess}: not in the catalog`) + style.dim(`  ${formatLocation(u.source)}`),
    );
  }
  if (!quiet || strict) {
    for (const u of t.unused) {
      const text = `  unused: remove ${u.scope} (unlocks ${plural(u.unlocks, "endpoint")})`;
      lines.push((strict ? style.red : style.yellow)(text) + style.dim(`  ${formatLocation(u.source)}`));
    }
  }
  if (t.notMinimal && !quiet) lines.push(style.yellow(`  not minimal: ${t.minimal.join(", ")} would do (--update)`));
  return lines;
};

/** `scopewise verify` as text: each token's policy against its calls, then what was not read or was ignored. */
export const verifyText = <S extends string>(report: Report<S>, style: Style): string => {
  if (report.result.kind !== "verify") return "";
  const { verify: v, quiet = false, maxWarnings } = report.result;
  const outcome = verifyOutcome(report);
  const head = [
    ...(report.inputs ?? []).map((i) => style.dim(describeInput(i))),
    style.dim(
      `config ${v.config}: ${plural(v.tokens.length, "token")}  (catalog ${v.catalog.name} ${v.catalog.version})`,
    ),
  ];
  const body = v.tokens.flatMap((t) => ["", ...tokenText(t, v.config, v.strict, quiet, style)]);
  const updated = (v.updated ?? []).map(
    (u) =>
      `updated tokens.${u.token}.scopes in ${v.config}: ` +
      [...u.added.map((s) => `+${s}`), ...u.removed.map((s) => `-${s}`)].join(" "),
  );
  const tail = [
    ...unidentifiedBlock(v.unidentified, style, "Not identified, so no policy can cover them"),
    ...problemsBlock(report.problems ?? [], style),
    ...(quiet || v.deprecated.length === 0
      ? []
      : [
          "",
          style.yellow(`Deprecated (${v.deprecated.length}):`),
          ...v.deprecated.map((d) => {
            const instead = d.replacedBy ? ` → use ${d.replacedBy.method} ${d.replacedBy.path}` : "";
            return `  ${at(d.source)}${d.endpoint.method} ${d.endpoint.path}${instead}`;
          }),
        ]),
    ...ignoresText(report.ignores, style, quiet),
    ...(updated.length > 0 ? ["", ...updated.map((u) => style.green(u))] : []),
    ...(v.notUpdated ? ["", style.red(`not updated: ${v.notUpdated}`)] : []),
  ];
  const counts = `${plural(outcome.errors, "error")}, ${plural(outcome.warnings, "warning")}`;
  const tooMany =
    outcome.errors === 0 && !outcome.ok ? `; more warnings than --max-warnings ${maxWarnings} allows` : "";
  const verdict = outcome.ok
    ? style.green(`verify passed (${counts})`)
    : style.red(`verify failed: ${counts}${tooMany}`);
  return [...head, ...body, ...tail, "", verdict].join("\n");
};
