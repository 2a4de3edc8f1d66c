/** What one line of a known log format says, before anyone asks where the request went. */
export type ParsedLine =
  | {
      readonly kind: "request";
      readonly method: string;
      /** The request target as logged: a path, an absolute URL, or an authority (CONNECT). */
      readonly target: string;
      /** The host the request was sent to, when the log names it apart from the target. */
      readonly host: string | undefined;
      /** `http` or `https`, when the log says. */
      readonly scheme: string | undefined;
      /** The response status, 100–599, when the log has one. */
      readonly status: number | undefined;
    }
  /** The line records a connection that sent no request (`"-"`): nothing reached anyone. */
  | { readonly kind: "no-request" }
  /** The line is in this format, but its request cannot be read. */
  | { readonly kind: "bad"; readonly message: string };

/** Reads one (trimmed, non-blank) line of a format, or answers `null` when the line is not in that format. */
export type LineParser = (text: string) => ParsedLine | null;

export const NO_REQUEST: ParsedLine = { kind: "no-request" };

/** An HTTP status, 100–599, from a number or a string of three digits. */
export const statusOf = (value: unknown): number | undefined => {
  const n =
    typeof value === "number" ? value : typeof value === "string" && /^\d{3}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
};

/** A request, always of one shape (cheap for the engine that reads millions of them). */
export const request = (
  method: string,
  target: string,
  status: number | undefined,
  host: string | undefined,
  scheme: string | undefined = undefined,
): ParsedLine => ({ kind: "request", method, target, host, scheme, status });

/** A status field of three digits or `-`, as the text formats write it. */
export const statusField = (field: string): number | undefined => {
  if (field.length !== 3) return undefined;
  const n = Number(field);
  return n >= 100 && n <= 599 ? n : undefined;
};

/** A short quotation of input for messages. */
export const quote = (text: string): string => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
