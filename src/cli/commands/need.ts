import { defineCommand, EXIT, UsageError } from "../command.js";
import { CATALOG_OPTIONS, outputFormat, SIMPLE_OUTPUT_OPTIONS } from "../options.js";

/** The call the arguments name: `METHOD URL`, `"METHOD URL"`, a bare URL (GET), or an SDK operation. */
const callOf = async (positionals: readonly string[]): Promise<{ call: unknown; shown: string }> => {
  if (positionals.length === 2) {
    const [method, url] = positionals as [string, string];
    return { call: { method, url }, shown: `${method} ${url}` };
  }
  const text = (positionals[0] as string).trim();
  if (/\s/.test(text)) return { call: text, shown: text };
  if (/^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/i.test(text))
    throw new UsageError(`expected METHOD URL after ${text}`, "need");
  if (!text.includes(".") || text.includes("/")) return { call: { method: "GET", url: text }, shown: `GET ${text}` };
  // The SDK's operation table loads only for an operation name, so other commands start without it.
  const { instanceCallNote, isOperationName, lookupSdkOperation } = await import("../../sources/sdk-operations.js");
  if (isOperationName(text)) {
    const found = lookupSdkOperation(text);
    if (found.status === "not-found") {
      const guess = found.didYouMean ? `; did you mean ${found.didYouMean}?` : "";
      throw new UsageError(`@dynamic-labs/sdk-api has no operation ${text}${guess}`, "need");
    }
    const { method, path } = found.operation;
    return { call: { method, path }, shown: `${text} (${method} ${path})` };
  }
  const instance = instanceCallNote(text);
  if (instance !== undefined) throw new UsageError(instance, "need");
  return { call: { method: "GET", url: text }, shown: `GET ${text}` };
};

/** `scopewise need METHOD URL` */
export const need = defineCommand({
  name: "need",
  summary: "which scopes one request needs",
  args: "METHOD URL | 'METHOD URL' | URL | Api.operation",
  positionals: { min: 1, max: 2, name: "METHOD URL" },
  description: [
    "Prints the scopes one request needs (any one of them is enough). URL is a path",
    "(/environments/e1/users), a path with /api/v0, or an absolute URL; :name and {name}",
    "segments stand for any id. A URL alone means GET; an SDK operation name",
    "(UsersApi.getEnvironmentUsers) stands for the request it sends.",
  ].join("\n"),
  options: { ...SIMPLE_OUTPUT_OPTIONS, ...CATALOG_OPTIONS },
  exits: "0 matched, 1 unknown, invalid or method not allowed, 2 usage error.",
  examples: [
    "scopewise need GET 'https://app.dynamicauth.com/api/v0/environments/e1/users?limit=5'",
    "scopewise need UsersApi.getEnvironmentUsers",
  ],
  async run({ values, positionals, io }) {
    const format = outputFormat(values, "need");
    const { call, shown } = await callOf(positionals);
    const { loadCalculator, render } = await import("../context.js");
    const calc = await loadCalculator(values.catalog, io);
    const result = calc.requiredScopes(call as never);
    const risks = Object.fromEntries(
      (result.status === "matched" ? result.anyOf : []).flatMap((s) => {
        const risk = calc.catalog.scope(s)?.risk;
        return risk ? [[s, risk]] : [];
      }),
    );
    render(io, format, { kind: "need", call: shown, result, ...(Object.keys(risks).length > 0 ? { risks } : {}) });
    return result.status === "matched" ? EXIT.ok : EXIT.no;
  },
});
