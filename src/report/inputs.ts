import { plural } from "../util/text.js";
import type { InputSummary } from "./model.js";

const hostsText = (hosts: readonly { host: string; count: number }[]): string =>
  hosts.length === 0
    ? ""
    : ` (other hosts: ${hosts
        .slice(0, 5)
        .map((h) => `${h.host} ×${h.count}`)
        .join(", ")}${hosts.length > 5 ? ", …" : ""})`;

/** What a recording's calls went through: http: for https: (or the reverse), rewrites. */
const routing = (s: { readonly otherScheme: number; readonly rewritten: number }): string =>
  (s.otherScheme > 0
    ? `; ${plural(s.otherScheme, "call")} sent with the other scheme (http:/https:) of a base URL`
    : "") + (s.rewritten > 0 ? `; ${plural(s.rewritten, "call")} rewritten` : "");

/** One line on what an input held: `HAR: 9 entries: 7 used, 2 skipped (other hosts: …), 0 bad`. */
export const describeInput = (s: InputSummary): string => {
  switch (s.format) {
    case "calls":
      return s.streamed
        ? `calls ${s.file}: ${plural(s.lines, "line")}: ${plural(s.calls, "call")} (${s.distinct} distinct, streamed)`
        : `calls ${s.file}: ${plural(s.calls, "call")}`;
    case "har": {
      const preflight = s.preflight > 0 ? `, ${s.preflight} CORS preflights skipped` : "";
      const skipped = `${s.skipped} skipped${hostsText(s.otherHosts)}${preflight}`;
      const entries = plural(s.entries, "entry", "entries");
      return `HAR ${s.file}: ${entries}: ${s.used} used, ${skipped}, ${s.bad} bad${routing(s)}`;
    }
    case "log": {
      const skipped = `${s.skipped} skipped${hostsText(s.otherHosts)}`;
      const calls = `${s.used} calls (${s.distinct} distinct)`;
      const none = s.noRequest > 0 ? `, ${s.noRequest} without a request` : "";
      const formats = s.logFormats.length > 0 ? ` (${s.logFormats.join(", ")})` : "";
      const lines = plural(s.lines, "line");
      return `log ${s.file}${formats}: ${lines}: ${calls}, ${skipped}${none}, ${s.bad} bad${routing(s)}`;
    }
    case "scan": {
      const skipped = s.skipped.length > 0 ? ` (${s.skipped.length} not JS/TS, skipped)` : "";
      const calls = `${plural(s.calls, "call")} (${s.sdk} SDK, ${s.url} URL)`;
      const suppressed = s.suppressed > 0 ? `, ${s.suppressed} suppressed` : "";
      const unresolved = s.unresolved > 0 ? `; ${plural(s.unresolved, "import")} not followed` : "";
      const found = `${calls}, ${s.unclassified} unclassified${suppressed}${unresolved}`;
      return `scan (${s.mode} mode): ${plural(s.files, "file")}${skipped}: ${found}`;
    }
  }
};
