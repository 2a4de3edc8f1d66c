import { didYouMean } from "../../util/edit-distance.js";
import type { Context } from "../context.js";
import { endpointLine, plural } from "../format.js";
import { EXIT, type CommandResult } from "../io.js";

/** `scopewise scopes` */
export const scopes = ({ args, calc, style }: Context): CommandResult => {
  const data = calc.catalog._data.scopes;
  if (args.json) {
    const json = {
      catalog: { name: calc.catalog.name, version: calc.catalog.version },
      scopes: data.map((s) => ({
        name: s.name,
        description: s.description,
        implies: s.implies ?? [],
        endpoints: calc.grants(s.name).length,
      })),
    };
    return { stdout: JSON.stringify(json, null, 2), exitCode: EXIT.ok };
  }
  const width = Math.max(...data.map((s) => s.name.length));
  const lines = data.map(
    (s) =>
      `${s.name.padEnd(width)}  ${String(calc.grants(s.name).length).padStart(3)}  ${style.dim(s.description ?? "")}`,
  );
  return {
    stdout: [
      style.dim(
        `catalog ${calc.catalog.name} ${calc.catalog.version}: ${plural(data.length, "scope")}; columns: scope, endpoints, description`,
      ),
      ...lines,
    ].join("\n"),
    exitCode: EXIT.ok,
  };
};

/** `scopewise grants SCOPE` */
export const grants = ({ args, calc, style }: Context): CommandResult => {
  if (args.positionals.length !== 1)
    return {
      stdout: "",
      stderr: "scopewise grants: expected one SCOPE (see scopewise grants --help)",
      exitCode: EXIT.error,
    };
  const scope = args.positionals[0] as string;
  if (!calc.catalog.scopes.includes(scope)) {
    const guess = didYouMean(scope, calc.catalog.scopes);
    return {
      stdout: "",
      stderr: `scopewise grants: unknown scope ${JSON.stringify(scope)}${guess ? `; did you mean ${guess}?` : ""} (scopewise scopes lists them)`,
      exitCode: EXIT.error,
    };
  }
  const endpoints = calc.grants(scope);
  if (args.json) return { stdout: JSON.stringify({ scope, endpoints }, null, 2), exitCode: EXIT.ok };
  const lines = [
    style.bold(`${scope} unlocks ${plural(endpoints.length, "endpoint")}:`),
    ...endpoints.map((e) => `  ${endpointLine(e, style)}`),
  ];
  return { stdout: lines.join("\n"), exitCode: EXIT.ok };
};
