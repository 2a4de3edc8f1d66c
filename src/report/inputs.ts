import type { InputSummary } from "./model.js";
import { text, type Safe, type SafeFormat } from "./safe.js";

const hostsText = <F extends string>(hosts: readonly { host: string; count: number }[], f: SafeFormat<F>): Safe<F> =>
  hosts.length === 0
    ? f``
    : f` (other hosts: ${f.join(
        hosts.slice(0, 5).map((h) => f`${h.host} ×${h.count}`),
        ", ",
      )}${hosts.length > 5 ? f`, …` : f``})`;

/** What a recording's calls went through: http: for https: (or the reverse), rewrites. */
const routing = <F extends string>(
  s: { readonly otherScheme: number; readonly rewritten: number },
  f: SafeFormat<F>,
): Safe<F> => {
  const scheme = f`; ${f.count(s.otherScheme, "call")} sent with the other scheme (http:/https:) of a base URL`;
  const rewritten = f`; ${f.count(s.rewritten, "call")} rewritten`;
  return f`${s.otherScheme > 0 ? scheme : f``}${s.rewritten > 0 ? rewritten : f``}`;
};

/** One line on what an input held, in format `f`: its file names and hosts escaped as `f` escapes input. */
export const describeInputIn = <F extends string>(s: InputSummary, f: SafeFormat<F>): Safe<F> => {
  switch (s.format) {
    case "calls":
      return s.streamed
        ? f`calls ${s.file}: ${f.count(s.lines, "line")}: ${f.count(s.calls, "call")} (${s.distinct} distinct, folded)`
        : f`calls ${s.file}: ${f.count(s.calls, "call")}`;
    case "har": {
      const preflight = s.preflight > 0 ? f`, ${s.preflight} CORS preflights skipped` : f``;
      const skipped = f`${s.skipped} skipped${hostsText(s.otherHosts, f)}${preflight}`;
      const entries = f.count(s.entries, "entry", "entries");
      return f`HAR ${s.file}: ${entries}: ${s.used} used, ${skipped}, ${s.bad} bad${routing(s, f)}`;
    }
    case "log": {
      const skipped = f`${s.skipped} skipped${hostsText(s.otherHosts, f)}`;
      const calls = f`${s.used} calls (${s.distinct} distinct)`;
      const none = s.noRequest > 0 ? f`, ${s.noRequest} without a request` : f``;
      const formats = s.logFormats.length > 0 ? f` (${f.join(s.logFormats, ", ")})` : f``;
      const lines = f.count(s.lines, "line");
      return f`log ${s.file}${formats}: ${lines}: ${calls}, ${skipped}${none}, ${s.bad} bad${routing(s, f)}`;
    }
    case "scan": {
      const skipped = s.skipped.length > 0 ? f` (${s.skipped.length} not JS/TS, skipped)` : f``;
      const calls = f`${f.count(s.calls, "call")} (${s.sdk} SDK, ${s.url} URL)`;
      const suppressed = s.suppressed > 0 ? f`, ${s.suppressed} suppressed` : f``;
      const unresolved = s.unresolved > 0 ? f`; ${f.count(s.unresolved, "import")} not followed` : f``;
      const over = s.passedOver ?? [];
      const passed =
        over.length === 0
          ? f``
          : f`; passed over as build output: ${f.join(over.slice(0, 5), ", ")}${over.length > 5 ? f`, …` : f``}`;
      const found = f`${calls}, ${s.unclassified} unclassified${suppressed}${unresolved}${passed}`;
      // The mode is one of two words of ours, not input: written as text, not quoted.
      const mode = s.mode === "file" ? f`file` : f`project`;
      return f`scan (${mode} mode): ${f.count(s.files, "file")}${skipped}: ${found}`;
    }
  }
};

/** One line on what an input held: `HAR: 9 entries: 7 used, 2 skipped (other hosts: …), 0 bad`, as text. */
export const describeInput = (s: InputSummary): string => describeInputIn(s, text).text;
