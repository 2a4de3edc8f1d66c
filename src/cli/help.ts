/** Help text per command; the top-level text lists them all. */
export const HELP: Record<string, string> = {
  main: `scopewise: least-privilege scopes for Dynamic API tokens

Usage:
  scopewise need METHOD URL            which scopes one request needs
  scopewise plan FILE                  the minimal scope set for a list of calls
  scopewise check --scopes a,b FILE    is a token enough for these calls?
  scopewise check --token FILE FILE    the same, reading Dynamic's token JSON
  scopewise scan PATH...               find Dynamic API calls in JS/TS source, then plan
  scopewise scopes                     list the catalog's scopes
  scopewise grants SCOPE               list the endpoints a scope unlocks

FILE holds "METHOD URL" lines (blank lines and # comments skipped) or SDK
operation names (UsersApi.getUser), or a JSON array of such strings or
{ "method", "url" } objects; or a HAR file; or an access log (common/combined
log format or JSON lines). "-" reads stdin.

Options:
  --from FORMAT     how to read FILE: auto (default), calls, har, log
  --base-url URL    also count HAR entries and log lines under URL (repeatable)
  --format FORMAT   text (default), json, markdown, sarif, github
  --json            the same as --format json
  --catalog FILE    use another catalog file instead of the embedded Dynamic one
  -h, --help        help for scopewise or a command (scopewise plan --help)
  -V, --version     print the version

Exit codes: 0 yes / done, 1 the answer is no (token insufficient, or a call
unknown or invalid), 2 usage or input error.`,
  need: `Usage: scopewise need METHOD URL [--json] [--catalog FILE]

Prints the scopes one request needs (any one of them is enough).
URL is a path (/environments/e1/users), a path with /api/v0, or an absolute
URL; :name and {name} segments stand for any id.

Example:
  scopewise need GET 'https://app.dynamicauth.com/api/v0/environments/e1/users?limit=5'

Exit: 0 matched, 1 unknown, invalid or method not allowed, 2 usage error.`,
  plan: `Usage: scopewise plan FILE [--from FORMAT] [--base-url URL] [--format FORMAT] [--catalog FILE]

Prints the smallest set of scopes that covers every call in FILE, the calls
each scope is needed for, deprecated calls with their replacement, and every
call that could not be identified.

  --from auto|calls|har|log   how to read FILE (auto: by name and first bytes)
  --base-url URL              HAR entries and log URLs under URL are Dynamic
                              calls too (a proxy, a local fake); repeatable
  --format text|json|markdown|sarif|github

Logs are streamed and folded into one call per endpoint (first line shown).

Exit: 0 every call identified, 1 some call unknown or invalid (or an input
line not read as a call), 2 input error.`,
  scan: `Usage: scopewise scan PATH... [--scopes a,b | --token FILE] [--format FORMAT]

Finds Dynamic API calls in JS/TS files (folders are searched; node_modules,
dist, build and dot folders skipped) with a real parser: calls of
@dynamic-labs/sdk-api methods in files that import it, and string or template
literals that are Dynamic API URLs or paths, with the method from fetch(),
axios-style .get/.post/..., or { method, url } objects. Each finding has
file:line:column; what cannot be classified (no method in sight) is listed.
Then prints the minimal scopes, or with --scopes/--token checks that token.

  --format text|json|markdown|sarif|github   markdown for a PR comment,
                                             sarif for code scanning,
                                             github for annotations

Exit: 0 every call identified and classified (and the token sufficient),
1 otherwise, 2 usage or input error.`,
  check: `Usage: scopewise check (--scopes a,b | --token TOKEN.json) FILE [--strict] [--from FORMAT] [--format FORMAT] [--catalog FILE]

Checks whether a token covers every call in FILE. --token reads Dynamic's token
JSON: { "scopes": [...] }, { "token": { "scopes": [...] } }, or the
{ "tokens": [...] } list (each token checked; yes if one is sufficient).

  --scopes LIST   comma-separated scope names
  --token FILE    token JSON file ("-" for stdin)
  --strict        also fail when the token has unused or unknown scopes
  --from, --base-url, --format   as for plan (FILE may be a HAR or a log)

Exit: 0 sufficient, 1 not sufficient (missing scopes or unidentified calls;
with --strict also unused scopes), 2 usage or input error.`,
  scopes: `Usage: scopewise scopes [--json] [--catalog FILE]

Lists every scope in the catalog with how many endpoints it unlocks.`,
  grants: `Usage: scopewise grants SCOPE [--json] [--catalog FILE]

Lists the endpoints SCOPE unlocks. Exit 2 for a scope the catalog lacks.`,
};
