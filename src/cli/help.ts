/** Help text per command; the top-level text lists them all. */
export const HELP: Record<string, string> = {
  main: `scopewise: least-privilege scopes for Dynamic API tokens

Usage:
  scopewise need METHOD URL            which scopes one request needs
  scopewise plan FILE                  the minimal scope set for a list of calls
  scopewise check --scopes a,b FILE    is a token enough for these calls?
  scopewise check --token FILE FILE    the same, reading Dynamic's token JSON
  scopewise scopes                     list the catalog's scopes
  scopewise grants SCOPE               list the endpoints a scope unlocks

FILE holds "METHOD URL" lines (blank lines and # comments skipped) or a JSON
array of such strings or { "method", "url" } objects; "-" reads stdin.

Options:
  --json            print one JSON document instead of text
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
  plan: `Usage: scopewise plan FILE [--json] [--catalog FILE]

Prints the smallest set of scopes that covers every call in FILE, the calls
each scope is needed for, deprecated calls with their replacement, and every
call that could not be identified.

Exit: 0 every call identified, 1 some call unknown or invalid, 2 input error.`,
  check: `Usage: scopewise check (--scopes a,b | --token TOKEN.json) FILE [--strict] [--json] [--catalog FILE]

Checks whether a token covers every call in FILE. --token reads Dynamic's token
JSON: { "scopes": [...] }, { "token": { "scopes": [...] } }, or the
{ "tokens": [...] } list (each token checked; yes if one is sufficient).

  --scopes LIST   comma-separated scope names
  --token FILE    token JSON file ("-" for stdin)
  --strict        also fail when the token has unused or unknown scopes

Exit: 0 sufficient, 1 not sufficient (missing scopes or unidentified calls;
with --strict also unused scopes), 2 usage or input error.`,
  scopes: `Usage: scopewise scopes [--json] [--catalog FILE]

Lists every scope in the catalog with how many endpoints it unlocks.`,
  grants: `Usage: scopewise grants SCOPE [--json] [--catalog FILE]

Lists the endpoints SCOPE unlocks. Exit 2 for a scope the catalog lacks.`,
};
