import { resolve } from "node:path";
import type { Calculator } from "../api/calculator.js";
import type { ConfigInput } from "../gate/config-schema.js";
import type { InputFile } from "../node/config/expand-inputs.js";
import { shownPath } from "../node/config/load-config.js";
import type { SourceFormat } from "../node/detect-format.js";
import type { SourceLocation } from "../sources/types.js";
import { UsageError } from "./command.js";
import type { Io } from "./io.js";
import { readInputs, type Inputs } from "./read-inputs.js";
import { applyConfig, type RunConfig } from "./run-config.js";
import { scanInputs } from "./scan-inputs.js";

/** Inputs as read, and the names a "no calls" message gives them. */
export type RunInputs = Inputs & { readonly names: readonly string[] };

/** Reads config inputs entry by entry, each file once however many tokens name it. */
export interface ConfigInputReader {
  read(entries: readonly { readonly input: ConfigInput; readonly path: string }[]): Promise<Inputs>;
}

/** A reader of the config's inputs for one run: globs expanded, source scanned, the config applied. */
export const configInputReader = (calc: Calculator<string>, run: RunConfig, io: Io): ConfigInputReader => {
  const config = run.config;
  if (config === undefined) throw new Error("configInputReader needs a config");
  const baseUrls = run.baseUrls;
  const cache = new Map<string, Promise<Inputs>>();
  const readFile = async (file: InputFile): Promise<Inputs> => {
    const name = shownPath(file.path, io.cwd);
    if (file.from === "scan") {
      const r = await scanInputs([file.path], { calc, baseUrls, shown: name });
      // The scanner names files from the process's directory; reports name them from the run's.
      const from = <T extends { source: SourceLocation }>(x: T): T => ({
        ...x,
        source: { ...x.source, file: shownPath(resolve(x.source.file), io.cwd) },
      });
      return { calls: r.calls.map(from), problems: r.problems.map(from), inputs: [r.summary] };
    }
    const { readSource } = await import("../node/read-source.js");
    const r = await readSource(file.path, {
      from: file.from as SourceFormat | "auto",
      baseUrls: [...calc.catalog.baseUrls, ...baseUrls],
      rewrites: run.rewrites,
      ...(run.logFormat === undefined ? {} : { logFormat: run.logFormat }),
      requiredScopes: calc.requiredScopes,
      name,
      ...(run.skip ? { skip: run.skip } : {}),
    });
    return { calls: r.calls, problems: r.problems, inputs: [r.summary] };
  };
  return {
    async read(entries) {
      const { expandInputs } = await import("../node/config/expand-inputs.js");
      const files = await expandInputs(entries, config.root, config);
      const out: Inputs = { calls: [], problems: [], inputs: [] };
      for (const file of files) {
        const key = `${file.from}\u0000${file.path}`;
        if (!cache.has(key))
          cache.set(
            key,
            readFile(file).then((r) => applyConfig(r, run)),
          );
        const r = await cache.get(key)!;
        out.calls.push(...r.calls);
        out.problems.push(...r.problems);
        out.inputs.push(...r.inputs);
      }
      return out;
    },
  };
};

/** The FILEs given, or else the config's `inputs`: read, rewritten and filtered by the config's ignores. */
export const readRunInputs = async (
  positionals: readonly string[],
  values: {
    readonly from: string | undefined;
    readonly "base-url": readonly string[];
    readonly "log-format": string | undefined;
  },
  calc: Calculator<string>,
  run: RunConfig,
  io: Io,
  command: string,
): Promise<RunInputs> => {
  if (positionals.length > 0) {
    const baseUrls = [...run.baseUrls, ...values["base-url"]];
    const skip = run.skip ? { skip: run.skip } : {};
    const logFormat = values["log-format"] ?? run.logFormat;
    const read = await readInputs(positionals, {
      from: values.from,
      baseUrls,
      rewrites: run.rewrites,
      logFormat,
      calc,
      io,
      ...skip,
    });
    return { ...applyConfig(read, run), names: positionals };
  }
  const inputs = run.config?.config.inputs ?? [];
  if (run.config === undefined || inputs.length === 0)
    throw new UsageError("expected at least one FILE (or inputs in scopewise.config.json)", command);
  if (values["base-url"].length > 0 || values.from !== undefined || values["log-format"] !== undefined)
    throw new UsageError("--from, --base-url and --log-format are for FILEs; the config says its own", command);
  const entries = inputs.map((input, i) => ({ input, path: `$.inputs[${i}]` }));
  const read = await configInputReader(calc, run, io).read(entries);
  return { ...read, names: [`the inputs of ${run.config.file}`] };
};
