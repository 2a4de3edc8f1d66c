import { printable } from "../../util/printable.js";
import { ApiError } from "./api-error.js";

/** Limits of every live call; the defaults suit CI, tests inject small ones. */
export interface TransportOptions {
  /** Per attempt, answer body included (10 s). */
  readonly timeoutMs?: number;
  /** Retries after a 429, a 5xx, a timeout or a lost connection (2); a POST only when nothing was created. */
  readonly retries?: number;
  /** First pause between retries, doubled each time, when the answer names none (500 ms). */
  readonly backoffMs?: number;
  /** The longest `Retry-After` honoured (30 s); a longer one ends the call with the 429. */
  readonly maxRetryAfterMs?: number;
  /** The largest answer read (8 MiB). */
  readonly maxBodyBytes?: number;
  /** Waits; injectable so tests need not. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The fetch to send with (global `fetch` by default). */
  readonly fetch?: typeof fetch;
  /** Told before each retry: for progress on a terminal. */
  readonly onRetry?: (event: { readonly attempt: number; readonly waitMs: number; readonly why: string }) => void;
}

export const DEFAULTS = {
  timeoutMs: 10_000,
  retries: 2,
  backoffMs: 500,
  maxRetryAfterMs: 30_000,
  maxBodyBytes: 8 << 20,
} as const;

/** The abort reason of an attempt that ran out of time. */
class Timeout extends Error {
  override readonly name = "Timeout";
}

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/** `Retry-After` in ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export const retryAfterMs = (header: string | null, now = Date.now()): number | undefined => {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
};

/** Network error codes that mean the request never reached a server: safe to retry even a POST. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

const causeCode = (error: unknown): string | undefined => {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === "string" ? cause.code : undefined;
};

/** One line for a failed fetch: what went wrong, without the request's headers. */
export const networkReason = (error: unknown): string => {
  const code = causeCode(error);
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ECONNRESET":
    case "UND_ERR_SOCKET":
      return "the server closed the connection";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host not found";
    case "UND_ERR_CONNECT_TIMEOUT":
      return "could not connect in time";
    case undefined: {
      // No code: fetch says why in its cause (e.g. "bad port"); it never holds the request's headers.
      const why = (error as { cause?: { message?: unknown } } | undefined)?.cause?.message;
      return typeof why === "string" && why !== ""
        ? `the request failed (${printable(why, 100)})`
        : "the request failed";
    }
    default:
      return `network error (${code})`;
  }
};

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/** What a Response learnt on the way: how many attempts it took. */
const attemptsOf = new WeakMap<Response, number>();

/** How many attempts the answer took (1 when it was the first). */
export const attemptsFor = (response: Response): number => attemptsOf.get(response) ?? 1;

/**
 * A fetch for the SDK's `Configuration.fetchApi`: each attempt has a deadline that also covers reading
 * the body, redirects are refused (a token is never sent on), and 429, 5xx, timeouts and lost
 * connections are retried a bounded number of times. Throws `ApiError` (`timeout`, `network`) when the
 * last attempt fails; returns the last answer otherwise, error statuses included.
 */
export const createFetch = (options: TransportOptions = {}): typeof fetch => {
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const retries = options.retries ?? DEFAULTS.retries;
  const backoffMs = options.backoffMs ?? DEFAULTS.backoffMs;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const send = options.fetch ?? fetch;
  return (async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const method = (init.method ?? "GET").toUpperCase();
    const idempotent = method === "GET" || method === "HEAD";
    for (let attempt = 1; ; attempt++) {
      const controller = new AbortController();
      // Left running after the answer arrives, so it bounds reading the body too; unref'd, it never holds the process.
      const timer = setTimeout(
        () => controller.abort(new Timeout(`no whole answer within ${seconds(timeoutMs)}`)),
        timeoutMs,
      );
      timer.unref?.();
      const last = attempt > retries;
      const retry = async (why: string, waitMs: number): Promise<void> => {
        options.onRetry?.({ attempt, waitMs, why });
        await sleep(waitMs);
      };
      let response: Response;
      try {
        response = await send(input, { ...init, redirect: "manual", signal: controller.signal });
      } catch (error) {
        clearTimeout(timer);
        const timedOut = controller.signal.aborted && controller.signal.reason instanceof Timeout;
        const why = timedOut ? `no answer within ${seconds(timeoutMs)}` : networkReason(error);
        const safe = idempotent || (!timedOut && NOT_SENT.has(causeCode(error) ?? ""));
        if (!last && safe) {
          await retry(why, backoffMs * 2 ** (attempt - 1));
          continue;
        }
        throw new ApiError(timedOut ? "timeout" : "network", `${why}${attempt > 1 ? ` (${attempt} attempts)` : ""}`);
      }
      if (response.status >= 300 && response.status < 400) {
        clearTimeout(timer);
        await response.body?.cancel().catch(() => undefined);
        throw new ApiError(
          "answer",
          `the API answered with a redirect (${response.status}); scopewise does not send a token on ` +
            "to another address (check --api-url)",
        );
      }
      const retryable = RETRY_STATUSES.has(response.status) && (idempotent || response.status === 429);
      if (retryable && !last) {
        const asked = retryAfterMs(response.headers.get("retry-after"));
        if (asked === undefined || asked <= maxRetryAfterMs) {
          clearTimeout(timer);
          await response.body?.cancel().catch(() => undefined);
          await retry(`${response.status}`, asked ?? backoffMs * 2 ** (attempt - 1));
          continue;
        }
      }
      attemptsOf.set(response, attempt);
      return response;
    }
  }) as typeof fetch;
};

/**
 * The body of an answer as text, at most `maxBytes` (the rest is not read): a huge or endless answer
 * ends with an `ApiError` (`answer`), a stalled one with the attempt's deadline (`timeout`).
 */
export const readBody = async (response: Response, maxBytes: number = DEFAULTS.maxBodyBytes): Promise<string> => {
  const declared = Number(response.headers.get("content-length"));
  const tooLarge = () =>
    new ApiError("answer", `the answer is larger than ${maxBytes} bytes; scopewise does not read it`);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof Timeout) throw new ApiError("timeout", error.message);
    throw new ApiError("network", `${networkReason(error)} while reading the answer`);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
};
