import type { Context } from "../context.js";
import { endpointLine } from "../format.js";
import { EXIT, type CommandResult } from "../io.js";
import { unidentifiedReason } from "../../matcher/match-calls.js";

/** `scopewise need METHOD URL` */
export const need = ({ args, calc, style }: Context): CommandResult => {
  if (args.positionals.length !== 2) {
    return {
      stdout: "",
      stderr: "scopewise need: expected METHOD URL (see scopewise need --help)",
      exitCode: EXIT.error,
    };
  }
  const [method, url] = args.positionals as [string, string];
  const result = calc.requiredScopes({ method, url });
  const exitCode = result.status === "matched" ? EXIT.ok : EXIT.no;
  if (args.json)
    return {
      stdout: JSON.stringify({ call: `${method} ${url}`, ...JSON.parse(JSON.stringify(result)) }, null, 2),
      exitCode,
    };
  if (result.status !== "matched") {
    return { stdout: `${style.red(result.status)}: ${unidentifiedReason(result)}`, exitCode };
  }
  const lines = [
    result.anyOf.length === 1
      ? style.green(result.anyOf[0] as string)
      : `any one of: ${result.anyOf.map((s) => style.green(s)).join(", ")}`,
    `  endpoint: ${endpointLine(result.endpoint, style)}`,
  ];
  const params = Object.entries(result.params);
  if (params.length > 0) lines.push(`  params:   ${params.map(([k, v]) => `${k}=${v}`).join(" ")}`);
  if (result.endpoint.replacedBy)
    lines.push(
      style.yellow(`  deprecated: use ${result.endpoint.replacedBy.method} ${result.endpoint.replacedBy.path}`),
    );
  return { stdout: lines.join("\n"), exitCode };
};
