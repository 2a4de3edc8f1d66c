// What the page hands over: the create-token request body, the same request as curl and as
// @dynamic-labs/sdk-api code, and the scope list. The token that authorizes the request is never in
// them: curl reads it from $DYNAMIC_API_TOKEN, the SDK snippet from process.env.
import { catalogInfo } from "./core.js";

export interface TokenRequest {
  readonly note: string;
  readonly scopes: readonly string[];
  /** Empty: the snippets read it from DYNAMIC_ENVIRONMENT_ID. */
  readonly environmentId: string;
  /** One of the catalog's base URLs. */
  readonly baseUrl: string;
}

/** The body of `POST /environments/:environmentId/tokens`, as Dynamic's `PostTokenFields`. */
export const requestBody = ({ note, scopes }: TokenRequest): string => JSON.stringify({ note, scopes }, null, 2);

/** A word the shell passes through as is: single quotes, each `'` written as `'\''`. */
export const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** Percent-encodes everything but unreserved characters, so a path segment cannot become two. */
const segment = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * An environment ID the snippets can put in a URL path: `.` and `..` are dot segments every URL parser
 * resolves away (encoded too), so they are treated as not given and the snippets read the environment.
 */
export const usableEnvironmentId = (id: string): boolean => id !== "" && id !== "." && id !== "..";

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
    `  --data ${shellQuote(JSON.stringify({ note: r.note, scopes: r.scopes }))}`,
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
    return IDENTIFIER.test(member) ? `TokenScopes.${member}` : JSON.stringify(s);
  });
  const environmentId = usableEnvironmentId(r.environmentId)
    ? JSON.stringify(r.environmentId)
    : "process.env.DYNAMIC_ENVIRONMENT_ID!";
  return [
    `import { Configuration, TokensApi, TokenScopes } from "${catalogInfo.sdk.name}";`,
    ``,
    `const tokensApi = new TokensApi(`,
    `  new Configuration({ basePath: ${JSON.stringify(safeBase(r.baseUrl))}, accessToken: process.env.DYNAMIC_API_TOKEN }),`,
    `);`,
    `const { token } = await tokensApi.postToken({`,
    `  environmentId: ${environmentId},`,
    `  postTokenFields: {`,
    `    note: ${JSON.stringify(r.note)},`,
    `    scopes: [${scopes.length === 0 ? "" : `\n${scopes.map((s) => `      ${s},`).join("\n")}\n    `}],`,
    `  },`,
    `});`,
    `// token.rawToken is shown only once: put it in your secret store.`,
    ``,
  ].join("\n");
};

/** The scope names, comma-separated, as the CLI prints them. */
export const scopeList = (scopes: readonly string[]): string => scopes.join(",");
