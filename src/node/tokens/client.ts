import type { TokensApi } from "@dynamic-labs/sdk-api";
import { printable } from "../../util/printable.js";
import { checkApiUrl, DEFAULT_API_URL } from "./api-url.js";
import { ApiError } from "./api-error.js";
import { redact, redactJson } from "./redact.js";
import { attemptsFor, createFetch, DEFAULTS, readBody, retryAfterMs, type TransportOptions } from "./transport.js";

export { checkApiUrl, DEFAULT_API_URL } from "./api-url.js";

/** How to reach Dynamic's API. */
export interface TokensClientOptions extends TransportOptions {
  /** The API token (e.g. `DYNAMIC_API_TOKEN`); sent only as `Authorization: Bearer`. */
  readonly token: string;
  /** Default {@link DEFAULT_API_URL}; https, or http to a loopback address. */
  readonly apiUrl?: string;
  /**
   * Where the client adds every secret it handles (the token, a created token's secret): pass the list
   * your output guard redacts, so it learns them as they appear.
   */
  readonly secrets?: string[];
}

/** `GET /tokens/me`: in Dynamic's docs, not in SDK 0.0.847. */
export interface IntrospectionApi {
  getTokenMeRaw(init?: RequestInit): Promise<Response>;
}

type Sdk = typeof import("@dynamic-labs/sdk-api");

/** The introspection call on the SDK's own `BaseAPI`: the same base path, fetch and bearer auth as its calls. */
const introspectionApi = (sdk: Sdk, configuration: InstanceType<Sdk["Configuration"]>): IntrospectionApi => {
  class Introspection extends sdk.BaseAPI implements IntrospectionApi {
    async getTokenMeRaw(init?: RequestInit): Promise<Response> {
      const headers: Record<string, string> = {};
      const token = this.configuration.accessToken;
      if (token) {
        const value = await token("bearerAuth", []);
        if (value) headers["Authorization"] = `Bearer ${value}`;
      }
      return this.request({ path: "/tokens/me", method: "GET", headers, query: {} }, init);
    }
  }
  return new Introspection(configuration);
};

/** The SDK clients, bound to one token and API URL, and what every operation needs to report failures. */
export interface TokensClient {
  readonly apiUrl: string;
  readonly tokens: TokensApi;
  readonly introspection: IntrospectionApi;
  /** Values never to print: the token (and a created token's secret, once known). */
  readonly secrets: string[];
  /** The token's last 6 characters: what Dynamic shows of it as `checksum`. */
  readonly checksum: string;
  readonly maxBodyBytes: number;
}

/** The token, checked before it is sent: a header cannot carry spaces or control characters. */
export const checkTokenValue = (value: string | undefined): string => {
  const token = (value ?? "").trim();
  if (token === "") throw new ApiError("usage", "DYNAMIC_API_TOKEN is not set (the API token to call Dynamic with)");
  // Checked here so that fetch never sees it: its header errors quote the value.
  if (!/^[\x21-\x7e]+$/.test(token))
    throw new ApiError("usage", "DYNAMIC_API_TOKEN has spaces or characters an HTTP header cannot carry");
  return token;
};

/** The environment id, checked: it goes into the path. */
export const checkEnvironmentId = (value: string | undefined): string => {
  if (value === undefined || value === "") throw new ApiError("usage", "--environment ENV is required");
  if (!/^[A-Za-z0-9._~-]{1,128}$/.test(value))
    throw new ApiError(
      "usage",
      `--environment ${JSON.stringify(printable(value, 80))} is not an environment id (letters, digits, - and _)`,
    );
  return value;
};

/**
 * The SDK's `TokensApi` (and `GET /tokens/me`) on a fetch with deadlines, bounded retries and no
 * redirects. The SDK (a large module) loads on the first call, so `scopewise/node` stays quick to import.
 * Throws `ApiError` (`usage`) for a token or URL that must not be used, before anything is sent.
 */
export const createTokensClient = async (options: TokensClientOptions): Promise<TokensClient> => {
  const token = checkTokenValue(options.token);
  const apiUrl = checkApiUrl(options.apiUrl ?? DEFAULT_API_URL);
  const sdk = await import("@dynamic-labs/sdk-api");
  const configuration = new sdk.Configuration({
    basePath: apiUrl,
    fetchApi: createFetch(options),
    accessToken: token,
  });
  const secrets = options.secrets ?? [];
  if (!secrets.includes(token)) secrets.push(token);
  return {
    apiUrl,
    tokens: new sdk.TokensApi(configuration),
    introspection: introspectionApi(sdk, configuration),
    secrets,
    checksum: token.slice(-6),
    maxBodyBytes: options.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
  };
};

/** What one operation is, for messages: `listing tokens (GET /environments/e1/tokens)`, and what it needs. */
export interface Operation {
  readonly what: string;
  /** Said after a 403: e.g. `it needs environment.apiTokens.read`. */
  readonly forbidden?: string;
}

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

const HINT: Record<number, string> = {
  401: "the API did not accept DYNAMIC_API_TOKEN (wrong, expired or revoked)",
  404: "check --environment and --api-url",
};

/** Dynamic's error message from an error answer (`{ "error": "…" }`, or `message`), printable and redacted. */
const dynamicMessage = (body: string, secrets: readonly string[]): string | undefined => {
  let text: string | undefined;
  try {
    const json: unknown = JSON.parse(body);
    const o = (typeof json === "object" && json !== null ? json : {}) as Record<string, unknown>;
    text = [o["error"], o["message"], o["code"]].find((v): v is string => typeof v === "string" && v.trim() !== "");
  } catch {
    text = body.trim() === "" ? undefined : body.trim();
  }
  return text === undefined ? undefined : printable(redact(text, secrets), 300);
};

/** An `ApiError` for an error answer the SDK threw: the status, Dynamic's message and what to do. */
export const httpError = async (client: TokensClient, response: Response, op: Operation): Promise<ApiError> => {
  let body = "";
  try {
    body = await readBody(response, 64 << 10);
  } catch {
    // The status says enough.
  }
  const said = dynamicMessage(body, client.secrets);
  const status = response.status;
  const attempts = attemptsFor(response);
  const asked = status === 429 ? retryAfterMs(response.headers.get("retry-after")) : undefined;
  const hint =
    status === 403
      ? (op.forbidden ?? "the token may not do this")
      : status === 429
        ? `rate limited${asked === undefined ? "" : `; the API asks to wait ${Math.ceil(asked / 1000)} s`}`
        : status >= 500
          ? "Dynamic had a server error; try again later"
          : HINT[status];
  const text = STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : "";
  const quoted = said ? `: "${said}"` : "";
  const tries = attempts > 1 ? ` (after ${attempts} attempts)` : "";
  const message = `${op.what}: Dynamic answered ${status}${text}${quoted}${tries}${hint ? `; ${hint}` : ""}`;
  return new ApiError("http", message, status, said);
};

const isResponse = (value: unknown): value is Response =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Response).status === "number" &&
  typeof (value as Response).headers?.get === "function";

/**
 * Runs one SDK call and reads its answer as JSON: an error status becomes an `ApiError` with Dynamic's
 * message; a timeout, lost connection, huge, empty or non-JSON answer becomes one too. Every string of the
 * answer (keys too) comes back redacted of `client.secrets`; `learn` sees the answer first, to add a secret
 * it holds (a created token's) to them.
 */
export const callJson = async (
  client: TokensClient,
  op: Operation,
  call: () => Promise<{ raw: Response } | Response>,
  learn?: (body: unknown) => void,
): Promise<{ readonly body: unknown; readonly response: Response }> => {
  let response: Response;
  try {
    const answer = await call();
    response = isResponse(answer) ? answer : answer.raw;
  } catch (error) {
    if (isResponse(error)) throw await httpError(client, error, op);
    if (error instanceof ApiError) throw new ApiError(error.kind, `${op.what}: ${error.message}`, error.status);
    throw new ApiError("network", `${op.what}: ${printable(redact(String(error), client.secrets))}`);
  }
  let text: string;
  try {
    text = await readBody(response, client.maxBodyBytes);
  } catch (error) {
    if (error instanceof ApiError) throw new ApiError(error.kind, `${op.what}: ${error.message}`);
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(
      "answer",
      `${op.what}: Dynamic answered ${response.status} with a body that is not JSON ` +
        `(${text.trim() === "" ? "empty" : `${text.length} characters`})`,
    );
  }
  learn?.(parsed);
  try {
    return { body: redactJson(parsed, client.secrets), response };
  } catch (error) {
    throw new ApiError("answer", `${op.what}: Dynamic's answer cannot be read (${(error as Error).message})`);
  }
};
