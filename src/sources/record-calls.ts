/** A request seen by {@link recordCalls}: usable as a call input as is. */
export interface RecordedCall {
  readonly method: string;
  readonly url: string;
}

/** What {@link recordCalls} returns: a fetch to hand to a client, and the calls it has seen so far. */
export interface Recorder<F> {
  readonly fetch: F;
  /** Every request made through `fetch`, in order, including ones that failed. */
  readonly calls: readonly RecordedCall[];
}

type AnyFetch = (input: never, init?: never) => Promise<unknown>;

const read = (input: unknown, init: unknown): RecordedCall => {
  const request =
    typeof input === "object" && input !== null && "method" in input && "url" in input
      ? (input as { method: string; url: string })
      : undefined;
  const initMethod = (init as { method?: unknown } | undefined)?.method;
  const method = typeof initMethod === "string" ? initMethod : (request?.method ?? "GET");
  const url =
    typeof input === "string"
      ? input
      : request !== undefined
        ? request.url
        : String((input as { href?: unknown })?.href ?? input);
  return { method: method.toUpperCase(), url };
};

/**
 * Wraps `fetchImpl` (default: the global `fetch`) so every request is recorded before it
 * is sent: `const { fetch, calls } = recordCalls(); new Configuration({ fetchApi: fetch })`.
 */
export const recordCalls = <F extends AnyFetch = typeof globalThis.fetch>(fetchImpl?: F): Recorder<F> => {
  const calls: RecordedCall[] = [];
  const wrapped = ((input: never, init?: never) => {
    calls.push(read(input, init));
    const impl = fetchImpl ?? (globalThis.fetch as unknown as F);
    return impl(input, init);
  }) as F;
  return { fetch: wrapped, calls };
};
