import { createCalculator, type Calculator } from "../calculator.js";
import { dynamicCatalog } from "../catalog/dynamic-catalog.js";
import type { Args } from "./args.js";
import type { Style } from "./color.js";
import { readInput } from "./read-calls.js";

/** What every command gets: its arguments, the bound calculator and the output style. */
export interface Context {
  readonly args: Args;
  readonly calc: Calculator<string>;
  readonly style: Style;
}

/** The embedded catalog, or `--catalog FILE` validated in full (zod loads only then). */
export const loadCalculator = async (args: Args): Promise<Calculator<string>> => {
  if (args.catalog === undefined) return createCalculator<string>(dynamicCatalog);
  const { parseCatalog } = await import("../catalog/parse-catalog.js");
  return createCalculator(parseCatalog(await readInput(args.catalog), { file: args.catalog }));
};
