import { looksLikeLogLine } from "../sources/logs/formats.js";

/** The call sources `--from` names. */
export type SourceFormat = "calls" | "har" | "log";

/** Every `--from` value, `auto` included. */
export const SOURCE_FORMATS = ["auto", "calls", "har", "log"] as const;

const firstLine = (head: string): string =>
  head
    .split(/\r?\n/)
    .find((l) => l.trim() !== "" && !l.trimStart().startsWith("#"))
    ?.trim() ?? "";

/**
 * Tells a calls file, a HAR and an access log apart from the name and first bytes:
 * `.har`, a JSON object document → HAR; `.log`/`.jsonl`/`.ndjson`, JSON lines, or a first line
 * in common/combined, Envoy or ALB format → log; anything else (METHOD URL lines, a JSON array) → calls.
 */
export const detectFormat = (file: string, head: string): SourceFormat => {
  if (/\.har$/i.test(file)) return "har";
  if (/\.(log|jsonl|ndjson)$/i.test(file)) return "log";
  const line = firstLine(head);
  if (line.startsWith("{")) {
    try {
      const value = JSON.parse(line) as { log?: unknown };
      // One complete object on the first line: JSON lines, unless it is a one-line HAR.
      return typeof value === "object" && value !== null && "log" in value ? "har" : "log";
    } catch {
      return "har";
    }
  }
  return looksLikeLogLine(line) ? "log" : "calls";
};
