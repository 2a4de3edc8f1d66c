// Typed or pasted calls, and calls files, read by the CLI's own calls-file reader (`parseCallsFile`), so the page
// and `scopewise plan` read every line alike: `METHOD URL`, an SDK operation name (`UsersApi.getUser`), `#`
// comments (one holding a hidden line break is a call, and refused), or a JSON array of calls. Code is not read
// here: a line holding two calls must not pass for one, and only the scanner parses code. A line the library
// refuses stays a call, shown with its line; a document it cannot read at all is a problem. Nothing is dropped.
import { InputError, parseCallsFile, type WizardCall } from "./core.js";

/** The typed input's id and the name its calls are shown under. */
export const TYPED = "typed";

/** What a calls document gave: its calls, and what could not be read (each naming its line). */
export interface CallsRead {
  readonly calls: WizardCall[];
  readonly problems: string[];
}

/** Reads a calls document (typed text or a dropped file) exactly as `scopewise plan --from calls` does. */
export const readCallsDocument = (text: string, file: string, input: string): CallsRead => {
  try {
    const read = parseCallsFile(text, { file });
    return {
      calls: read.calls.map((c) => ({ call: c.call, source: { ...c.source, input } })),
      problems: read.problems.map((p) => `line ${p.source.line ?? "?"}: ${p.message}`),
    };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // A JSON array that does not parse: each issue's message says where.
    return { calls: [], problems: error.issues.map((i) => i.message) };
  }
};

/** The calls in the typed text, each with its line. */
export const readTypedCalls = (text: string): CallsRead => readCallsDocument(text, "typed calls", TYPED);

/** Replaces line `line` (1-based, lines as the reader counts them) of `text`, keeping the other lines. */
export const replaceLine = (text: string, line: number, replacement: string): string => {
  const lines = text.split("\n");
  if (line < 1 || line > lines.length) return text;
  lines[line - 1] = lines[line - 1]!.endsWith("\r") ? `${replacement}\r` : replacement;
  return lines.join("\n");
};
