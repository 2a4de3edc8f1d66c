import { InputError } from "../../util/errors.js";
import { alb } from "./alb.js";
import { clf } from "./clf.js";
import { customParser } from "./custom.js";
import { patternProblem, type LineFormat, type LogFormat, type LogFormatName } from "./log-format.js";
import { envoy } from "./envoy.js";
import { json } from "./json.js";
import type { LineParser, ParsedLine } from "./parsed.js";

export {
  LOG_FORMAT_NAMES,
  parseLogFormat,
  patternProblem,
  type LineFormat,
  type LogFormat,
  type LogFormatName,
} from "./log-format.js";

const NAMED: Readonly<Record<Exclude<LogFormatName, "auto">, readonly [LineFormat, LineParser]>> = {
  combined: ["combined", clf],
  common: ["combined", clf],
  json: ["json", json],
  envoy: ["envoy", envoy],
  alb: ["alb", alb],
};
// What auto tries on a line that is not JSON, in this order; the last format that read a line goes first.
const TEXT_FORMATS: readonly (readonly [LineFormat, LineParser])[] = [NAMED.combined, NAMED.envoy, NAMED.alb];

/** A line as a format read it, with the format's name; `format` is undefined when no format knows the line. */
export type ReadLine = { readonly format: LineFormat; readonly parsed: ParsedLine } | { readonly format: undefined };

// How each text format's lines begin, up to the request line: enough to tell a log from a calls list.
const LINE_STARTS = [
  /^(?:\S+ )?\S+ \S+ \S+ \[[^\]]*\] "/,
  /^\[[^\]]*\] "/,
  /^(?:(?:https?|h2|grpcs|wss?) )?\S+ \S+ \S+ \S+ \S+ \S+ \S+ (?:\d{3}|-) \S+ \S+ \S+ "/,
];

/** True when a (trimmed) line begins like a common/combined, Envoy or ALB log line: for telling files apart. */
export const looksLikeLogLine = (line: string): boolean => LINE_STARTS.some((re) => re.test(line));

/** Why `auto` could not read a line. */
export const NOT_A_LOG_LINE = "not a line of a known log format (common/combined, JSON, Envoy, ALB)";
const UNKNOWN_LINE: ReadLine = { format: undefined };

const NOT_IN_FORMAT: Readonly<Record<LineFormat, string>> = {
  combined: "not a common/combined log format line",
  json: "not a JSON object line",
  envoy: "not an Envoy/Istio default-format line",
  alb: "not an ALB/ELB access log entry",
  pattern: "line does not match the log format pattern",
};

/** Compiles a log format into a reader of trimmed, non-blank lines. */
export const lineReader = (format: LogFormat = "auto"): ((text: string) => ReadLine) => {
  if (format instanceof RegExp) {
    const problem = patternProblem(format);
    if (problem !== undefined)
      throw new InputError("bad-option", [{ code: "bad-option", path: "$.logFormat", message: `pattern ${problem}` }]);
    const parse = customParser(format);
    return (text) => ({ format: "pattern", parsed: parse(text) });
  }
  if (format !== "auto") {
    const entry = NAMED[format];
    if (entry === undefined)
      throw new InputError("bad-option", [
        { code: "bad-option", path: "$.logFormat", message: `unknown log format ${JSON.stringify(format)}` },
      ]);
    const [name, parse] = entry;
    const message = NOT_IN_FORMAT[name];
    return (text) => {
      const parsed = parse(text);
      return { format: name, parsed: parsed ?? { kind: "bad", message } };
    };
  }
  let first = 0;
  return (text) => {
    if (text.charCodeAt(0) === 123) return { format: "json", parsed: json(text) as ParsedLine };
    for (let k = 0; k < TEXT_FORMATS.length; k++) {
      const i = (first + k) % TEXT_FORMATS.length;
      const [name, parse] = TEXT_FORMATS[i] as readonly [LineFormat, LineParser];
      const parsed = parse(text);
      if (parsed !== null) {
        first = i;
        return { format: name, parsed };
      }
    }
    return UNKNOWN_LINE;
  };
};
