// What the page hands over: the create-token request body, the same request as curl and as
// @dynamic-labs/sdk-api code, and the scope list. The token that authorizes the request is never in
// them: curl reads it from $DYNAMIC_API_TOKEN, the SDK snippet from process.env. Every string is written
// as JSON with control, bidi and invisible characters as `\uXXXX` escapes (the same value), so a note from a
// link cannot reorder or hide what a reader of the body, the shell command or the code sees (Trojan Source).
import { catalogInfo, hiddenCharacters, safeJson } from "./core.js";

export interface TokenRequest {
  readonly note: string;
  readonly scopes: readonly string[];
  /** Empty: the snippets read it from DYNAMIC_ENVIRONMENT_ID. */
  readonly environmentId: string;
  /** One of the catalog's base URLs. */
  readonly baseUrl: string;
}

/** The body of `POST /environments/:environmentId/tokens`, as Dynamic's `PostTokenFields`. */
export const requestBody = ({ note, scopes }: TokenRequest): string => safeJson({ note, scopes });

/** A JSON value on one line, which is also a TypeScript literal; hidden characters escaped. */
const literal = (value: unknown): string => safeJson(value, 0);

/** A word the shell passes through as is: single quotes, each `'` written as `'\''`. */
export const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** Percent-encodes everything but unreserved characters, so a path segment cannot become two. */
const segment = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * An environment ID the snippets can put in a URL path: `.` and `..` are dot segments every URL parser
 * resolves away (encoded too), and hidden characters (bidi, invisible, control) make an ID that is not the
 * one the reader sees, so those are treated as not given and the snippets read the environment.
 */
export const usableEnvironmentId = (id: string): boolean =>
  id !== "" && id !== "." && id !== ".." && hiddenCharacters(id).length === 0;

const safeBase = (baseUrl: string): string =>
  catalogInfo.baseUrls.includes(baseUrl) ? baseUrl : catalogInfo.baseUrls[0]!;

/** The request as a curl command; the bearer token stays in `$DYNAMIC_API_TOKEN`. */
export const curlCommand = (r: TokenRequest): string => {
  const base = safeBase(r.baseUrl);
  const url = !usableEnvironmentId(r.environmentId)
    ? `"${base}/environments/$DYNAMIC_ENVIRONMENT_ID/tokens"`
    : shellQuote(`${base}/environments/${segment(r.environmentId)}/tokens`);
  return [
    `curl -X POST ${url}`,
    `  -H "Authorization: Bearer $DYNAMIC_API_TOKEN"`,
    `  -H 'Content-Type: application/json'`,
    `  --data ${shellQuote(literal({ note: r.note, scopes: r.scopes }))}`,
  ].join(" \\\n");
};

/** `environment.apiTokens.read` → `EnvironmentApiTokensRead`: the SDK's `TokenScopes` member. */
export const tokenScopesMember = (scope: string): string =>
  scope
    .split(".")
    .map((part) => `${part.charAt(0).toUpperCase()}${part.slice(1)}`)
    .join("");

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The request with `@dynamic-labs/sdk-api` (its types: `PostTokenFields.scopes` is `TokenScopes[]`). */
export const sdkSnippet = (r: TokenRequest): string => {
  const scopes = r.scopes.map((s) => {
    const member = tokenScopesMember(s);
    // A name that is no identifier cannot be an enum member: written as a string, the compiler flags it.
    return IDENTIFIER.test(member) ? `TokenScopes.${member}` : literal(s);
  });
  const environmentId = usableEnvironmentId(r.environmentId)
    ? literal(r.environmentId)
    : "process.env.DYNAMIC_ENVIRONMENT_ID!";
  return [
    `import { Configuration, TokensApi, TokenScopes } from "${catalogInfo.sdk.name}";`,
    ``,
    `const tokensApi = new TokensApi(`,
    `  new Configuration({ basePath: ${literal(safeBase(r.baseUrl))}, accessToken: process.env.DYNAMIC_API_TOKEN }),`,
    `);`,
    `const { token } = await tokensApi.postToken({`,
    `  environmentId: ${environmentId},`,
    `  postTokenFields: {`,
    `    note: ${literal(r.note)},`,
    `    scopes: [${scopes.length === 0 ? "" : `\n${scopes.map((s) => `      ${s},`).join("\n")}\n    `}],`,
    `  },`,
    `});`,
    `// token.rawToken is shown only once: put it in your secret store.`,
    ``,
  ].join("\n");
};

/** The scope names, comma-separated, as the CLI prints them. */
export const scopeList = (scopes: readonly string[]): string => scopes.join(",");
