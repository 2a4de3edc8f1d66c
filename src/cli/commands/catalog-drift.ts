import type { SdkMapping } from "../../node/catalog/sdk-mapping.js";
import { defineCommand, EXIT, type CommandContext } from "../command.js";
import { outputFormat, REPORT_OPTIONS } from "../options.js";
import { EMBEDDED, loadCatalogArg } from "./catalog-load.js";

const options = {
  sdk: {
    type: "string",
    value: "PATH",
    description: "the @dynamic-labs/sdk-api folder (default: the one installed here)",
  },
  catalog: {
    type: "string",
    value: "FILE",
    description: `the catalog to compare (default ${EMBEDDED}, the embedded one)`,
  },
  baseline: {
    type: "string",
    value: "FILE",
    description: "SDK mapping to compare operations with (default: the one shipped, data/dynamic-sdk-operations.json)",
  },
  ...REPORT_OPTIONS,
} as const;

/** `scopewise catalog sdk-drift [--sdk PATH]` */
export const catalogDrift = defineCommand({
  name: "catalog sdk-drift",
  summary: "compare the catalog with an installed @dynamic-labs/sdk-api",
  args: "",
  positionals: { min: 0, max: 0, name: "arguments" },
  description: [
    "Reads every operation of an installed @dynamic-labs/sdk-api and compares it with the",
    "catalog: new operations with no documented scope (that the catalog does not list as",
    "undocumented either), operations gone or changed since the shipped mapping, catalog",
    "endpoints the SDK no longer has, and TokenScopes values on one side only.",
    "examples/workflows/catalog-drift.yml runs it weekly against the newest SDK.",
  ].join("\n"),
  options,
  exits: "0 no drift, 1 drift found, 2 usage or input error (no SDK there).",
  examples: [
    "scopewise catalog sdk-drift",
    "scopewise catalog sdk-drift --sdk node_modules/@dynamic-labs/sdk-api --format markdown",
  ],
  async run({ values, io }: CommandContext<typeof options>) {
    const format = outputFormat(values, "catalog sdk-drift");
    const catalog = await loadCatalogArg(values.catalog, io);
    const [{ parseJsonInput }, { readText }, { render }] = await Promise.all([
      import("../../util/parse-json.js"),
      import("../../node/read-source.js"),
      import("../context.js"),
    ]);
    // The shipped mapping loads only here, so other commands start without it.
    const baseline =
      values.baseline === undefined
        ? (await import("../../../data/dynamic-sdk-operations.json", { with: { type: "json" } })).default
        : parseJsonInput(await readText(values.baseline), values.baseline);
    const { readSdk } = await import("../../node/catalog/sdk-extract.js");
    const { sdkDrift } = await import("../../node/catalog/sdk-drift.js");
    const drift = sdkDrift(catalog, readSdk(values.sdk, io.cwd), baseline as SdkMapping);
    render(io, format, { kind: "sdk-drift", drift });
    return drift.drifted ? EXIT.no : EXIT.ok;
  },
});
