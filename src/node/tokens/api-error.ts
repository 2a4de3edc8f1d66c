/**
 * How a live call failed:
 * - `http`: Dynamic answered with an error status (after the retries 429 and 5xx get);
 * - `timeout`: no whole answer in time;
 * - `network`: no connection, or the connection closed mid-answer;
 * - `answer`: a 2xx answer scopewise cannot read (not JSON, the wrong shape, too large, a redirect);
 * - `usage`: the request was never sent (no token, a bad API URL or environment id).
 */
export type ApiFailure = "http" | "timeout" | "network" | "answer" | "usage";

/**
 * A live call that failed. `message` says what was asked, the HTTP status and Dynamic's own error
 * message when there was one, and what to do; it never holds the token.
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly kind: ApiFailure,
    message: string,
    /** The HTTP status, for `http`. */
    readonly status?: number,
    /** Dynamic's error message (`{ "error": "…" }`), printable and redacted. */
    readonly dynamicMessage?: string,
  ) {
    super(message);
  }
}
