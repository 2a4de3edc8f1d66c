import { defineCommand, EXIT, type CommandContext } from "../command.js";
import { CATALOG_OPTIONS, outputFormat, SIMPLE_OUTPUT_OPTIONS } from "../options.js";

const options = { ...SIMPLE_OUTPUT_OPTIONS, ...CATALOG_OPTIONS };

/** `scopewise scopes` */
export const scopes = defineCommand({
  name: "scopes",
  summary: "list the catalog's scopes",
  args: "",
  positionals: { min: 0, max: 0, name: "arguments" },
  description: "Lists every scope in the catalog with how many endpoints it unlocks and its description.",
  options,
  exits: "0, or 2 for a usage or catalog error.",
  async run({ values, io }: CommandContext<typeof options>) {
    const format = outputFormat(values, "scopes");
    const { loadCalculator, render } = await import("../context.js");
    const { catalog } = await loadCalculator(values.catalog, io);
    const infos = catalog.scopes.map((s) => catalog.scope(s)!);
    render(io, format, { kind: "scopes", catalog: { name: catalog.name, version: catalog.version }, scopes: infos });
    return EXIT.ok;
  },
});

/** `scopewise grants SCOPE` */
export const grants = defineCommand({
  name: "grants",
  summary: "list the endpoints a scope unlocks",
  args: "SCOPE",
  positionals: { min: 1, max: 1, name: "SCOPE" },
  description: "Lists the endpoints SCOPE unlocks, implications included.",
  options,
  exits: "0, or 2 for a scope the catalog lacks (with a did-you-mean) or a usage error.",
  examples: ["scopewise grants environment.apiTokens.write"],
  async run({ values, positionals, io }: CommandContext<typeof options>) {
    const format = outputFormat(values, "grants");
    const { loadCalculator, render } = await import("../context.js");
    const calc = await loadCalculator(values.catalog, io);
    const scope = positionals[0] as string;
    const endpoints = calc.grants(scope);
    const risk = calc.catalog.scope(scope)?.risk;
    render(io, format, { kind: "grants", scope, endpoints, ...(risk ? { risk } : {}) });
    return EXIT.ok;
  },
});
