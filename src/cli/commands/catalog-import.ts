import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { InputError } from "../../util/errors.js";
import { defineCommand, EXIT, type CommandContext, type OptionSpec } from "../command.js";
import { outputFormat, REPORT_OPTIONS } from "../options.js";
import { EMBEDDED, loadCatalogArg } from "./catalog-load.js";

/** Largest page read: Dynamic's is about 12 KB as text; a saved HTML page is far below this. */
export const MAX_PAGE_BYTES = 16 << 20;

const options = {
  out: {
    type: "string",
    value: "FILE",
    description: "write the catalog to FILE (- for stdout, the report then on stderr)",
  },
  shape: {
    type: "string",
    value: "SHAPE",
    choices: ["auto", "text", "html", "markdown"],
    description: "how PAGE is written: auto (default), text (copied from a browser), html (saved page), markdown",
  },
  base: {
    type: "string",
    value: "FILE",
    description: `catalog to read the page on top of (default ${EMBEDDED}, the embedded one)`,
  },
  url: {
    type: "string",
    value: "URL",
    check: (v) => (/^https:\/\/\S+$/.test(v) && URL.canParse(v) ? undefined : "must be an https URL"),
    description: "source.url (default: the saved page's canonical URL, else the base catalog's)",
  },
  retrieved: {
    type: "string",
    value: "DATE",
    check: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? undefined : "must be YYYY-MM-DD"),
    description: "source.retrieved, the day the page was read (default today, UTC)",
  },
  ...REPORT_OPTIONS,
} as const satisfies Record<string, OptionSpec>;

/** `scopewise catalog import PAGE [--out FILE]` */
export const catalogImport = defineCommand({
  name: "catalog import",
  summary: "read Dynamic's API Token Permissions page into a catalog",
  args: "PAGE",
  positionals: { min: 1, max: 1, name: "PAGE" },
  description: [
    "Reads Dynamic's API Token Permissions page (text copied from a browser, a saved HTML",
    "page, or markdown; - reads stdin) into a catalog: groups, scopes, descriptions, every",
    "METHOD /path with its summary, and deprecation marks. Replacements for deprecated",
    "endpoints are inferred (the environment-scoped twin), each one listed. Risk ratings, base",
    "URLs and undocumented endpoints come from the base catalog; the version is the base's,",
    "bumped by what changed. A line that looks like part of the catalog but cannot be read is",
    "reported with its line number, and then no catalog is written.",
  ].join("\n"),
  options,
  exits: "0 read in full (and written with --out), 1 some line not read (nothing written), 2 usage or input error.",
  examples: [
    "scopewise catalog import permissions.html --out data/dynamic.catalog.json",
    "pbpaste | scopewise catalog import - --out new.json && scopewise catalog diff @dynamic new.json",
  ],
  async run({ values, positionals, io }: CommandContext<typeof options>) {
    const format = outputFormat(values, "catalog import");
    const file = positionals[0] as string;
    const [{ readText }, { render }] = await Promise.all([
      import("../../node/read-source.js"),
      import("../context.js"),
    ]);
    const page = await readText(file, { stdin: io.stdin, maxBytes: MAX_PAGE_BYTES });
    if (page.length > MAX_PAGE_BYTES) {
      const message = `${page.length} characters; a page is limited to ${MAX_PAGE_BYTES >> 20} MiB`;
      throw new InputError("too-large", [{ code: "too-large", path: "$", message }], file);
    }
    const base = await loadCatalogArg(values.base, io);
    const { importCatalog } = await import("../../node/catalog/import-catalog.js");
    const { result, catalog } = importCatalog(page, {
      base,
      shape: (values.shape ?? "auto") as "auto",
      file: file === "-" ? "<stdin>" : file,
      ...(values.url ? { url: values.url } : {}),
      retrieved: values.retrieved ?? new Date().toISOString().slice(0, 10),
    });
    const out = values.out;
    // Read on top of the embedded catalog, the result can replace data/dynamic.catalog.json as it is written there.
    const schema = values.base === undefined || values.base === EMBEDDED ? { $schema: "./catalog.schema.json" } : {};
    const json = catalog === undefined ? "" : `${JSON.stringify({ ...schema, ...catalog }, null, 2)}\n`;
    if (catalog !== undefined && out !== undefined && out !== "-") await writeFile(resolve(io.cwd, out), json);
    const written = catalog !== undefined && out !== undefined ? { written: out === "-" ? "<stdout>" : out } : {};
    // With --out -, stdout carries the catalog, so the report goes to stderr.
    const reportIo = out === "-" ? { ...io, stdout: io.stderr, isTTY: { ...io.isTTY, stdout: io.isTTY.stderr } } : io;
    render(reportIo, format, { kind: "catalog-import", import: { ...result, ...written } });
    if (catalog !== undefined && out === "-") io.stdout(json);
    return result.ok ? EXIT.ok : EXIT.no;
  },
});
