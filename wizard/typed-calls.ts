// Typed or pasted calls, one a line: `METHOD URL`, a bare URL (read as GET, and said so), or an SDK
// operation as written in code (`UsersApi.getUser`, `await usersApi.getEnvironmentUsers({ … })`).
// Every line that is not blank or a comment becomes a call, so a line the page cannot read is
// reported as not identified, never dropped.
import { lookupSdkOperation, sdkOperations, sdkOperationsInfo, type SdkOperation } from "../src/index.js";
import type { WizardCall } from "./core.js";

/** The typed input's id and the name its calls are shown under. */
export const TYPED = "typed";

let byMethod: Map<string, SdkOperation[]> | undefined;
let byName: Map<string, SdkOperation> | undefined;
const index = () => {
  if (!byMethod || !byName) {
    byMethod = new Map();
    byName = new Map();
    for (const op of sdkOperations()) {
      const name = op.operation.slice(op.operation.indexOf(".") + 1);
      byMethod.set(name, [...(byMethod.get(name) ?? []), op]);
      byName.set(op.operation, op);
    }
  }
  return { byMethod, byName };
};
const operationsNamed = (method: string): SdkOperation[] => index().byMethod.get(method) ?? [];

/** Did-you-means cost an edit distance against every SDK name: a read computes this many, then stops. */
const DID_YOU_MEAN_BUDGET = 100;

const sdk = `${sdkOperationsInfo.sdk.name} ${sdkOperationsInfo.sdk.version}`;

/** `receiver.method(` or `receiver.method` at the end: the last property call on the line. */
const CODE_CALL = /([A-Za-z_$][\w$]*)\s*(?:\([^()]*\)\s*)?\.\s*([A-Za-z_$][\w$]*)\s*(?=\(|;|,|$)/g;

type SdkRead =
  | { readonly kind: "found"; readonly operation: SdkOperation; readonly note?: string }
  | { readonly kind: "not-found"; readonly note: string };

/** Reads a line written as code as an SDK operation, if it names one. `budget` bounds the did-you-means. */
export const sdkOperationIn = (line: string, budget = { left: DID_YOU_MEAN_BUDGET }): SdkRead | undefined => {
  const matches = [...line.matchAll(CODE_CALL)];
  if (matches.length === 0) return undefined;
  let miss: string | undefined;
  for (const m of matches.reverse()) {
    const receiver = m[1]!;
    const method = m[2]!.replace(/Raw$/, "");
    if (/api$/i.test(receiver)) {
      const name = `${receiver[0]!.toUpperCase()}${receiver.slice(1)}.${method}`;
      const found = index().byName.get(name);
      if (found)
        return name === `${receiver}.${m[2]}`
          ? { kind: "found", operation: found }
          : { kind: "found", operation: found, note: `read as ${found.operation}` };
      if (miss === undefined) {
        const r = budget.left-- > 0 ? lookupSdkOperation(name) : undefined;
        const guess = r?.status === "not-found" ? r.didYouMean : undefined;
        miss = `${sdk} has no operation ${name}${guess ? `; did you mean ${guess}?` : ""}`;
      }
    }
    const named = operationsNamed(method);
    if (named.length === 1) return { kind: "found", operation: named[0]!, note: `read as ${named[0]!.operation}` };
    if (named.length > 1)
      return {
        kind: "not-found",
        note: `${method} is in several SDK classes (${named.map((o) => o.operation).join(", ")}); write Class.method`,
      };
    miss ??= `${sdk} has no operation named ${method}`;
  }
  return { kind: "not-found", note: miss! };
};

/** `METHOD /path` or `METHOD scheme:…`; anything else with a space may be code. */
const METHOD_URL = /^[A-Za-z][A-Za-z-]*[ \t]+(?:\/|[A-Za-z][A-Za-z0-9+.-]*:)/;
const BARE_URL = /^(?:https?:\/\/|\/)\S*$/i;

/** Reads one line (already known not blank or a comment) as a call; a line it cannot read stays as written. */
export const readCallLine = (
  line: string,
  source: WizardCall["source"],
  budget = { left: DID_YOU_MEAN_BUDGET },
): WizardCall => {
  if (METHOD_URL.test(line)) return { call: line, source };
  if (BARE_URL.test(line)) return { call: `GET ${line}`, source: { ...source, note: "no method given: read as GET" } };
  const op = sdkOperationIn(line, budget);
  if (op?.kind === "found") {
    const { operation } = op;
    const note = operation.documented
      ? op.note
      : `${operation.operation} has no documented scope${op.note ? `; ${op.note}` : ""}`;
    return {
      call: { method: operation.method, path: operation.path },
      source: { ...source, operation: operation.operation, ...(note === undefined ? {} : { note }) },
    };
  }
  // Kept as written, so the library reports why it is not a call.
  return { call: line, source: op ? { ...source, note: op.note } : source };
};

const trim = (s: string): string => s.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, "");

/** The calls in the typed text, each with its line; blank lines and `#` or `//` comments are skipped. */
export const readTypedCalls = (text: string, file = "typed calls", input = TYPED): WizardCall[] => {
  const budget = { left: DID_YOU_MEAN_BUDGET };
  return text.split(/\r\n|\r|\n/).flatMap((raw, i) => {
    const line = trim(raw);
    if (line === "" || line.startsWith("#") || line.startsWith("//")) return [];
    return [readCallLine(line, { file, input, line: i + 1 }, budget)];
  });
};

/** Replaces line `line` (1-based) of `text` with `replacement`, keeping the other lines as they are. */
export const replaceLine = (text: string, line: number, replacement: string): string => {
  const lines = text.split(/\r\n|\r|\n/);
  if (line < 1 || line > lines.length) return text;
  lines[line - 1] = replacement;
  return lines.join("\n");
};
