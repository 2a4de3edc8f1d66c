import type { Catalog } from "../../catalog/types.js";
import type { Io } from "../io.js";

/** The word that names the embedded Dynamic catalog where a catalog file is expected. */
export const EMBEDDED = "@dynamic";

/** A catalog argument: `@dynamic` for the embedded one, `-` for stdin, else a file, validated in full. */
export const loadCatalogArg = async (arg: string | undefined, io: Io): Promise<Catalog> => {
  if (arg === undefined || arg === EMBEDDED) return (await import("../../catalog/dynamic-catalog.js")).dynamicCatalog;
  const { parseCatalog } = await import("../../catalog/parse-catalog.js");
  const { readText } = await import("../../node/read-source.js");
  return parseCatalog(await readText(arg, { stdin: io.stdin }), { file: arg === "-" ? "<stdin>" : arg });
};
