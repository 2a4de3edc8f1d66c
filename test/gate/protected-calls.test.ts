import { describe, expect, test } from "vitest";
import { cliIn, project } from "../helpers/gate.js";

// Found by an outside attack: an ignore entry could hide a call a server routes to an endpoint (an
// ambiguous spelling, Dynamic's own API host, a case variant), so verify passed with a scope missing.
const config = (ignore: string) =>
  `{ "inputs": ["calls.txt"], "ignore": [${ignore}], ` +
  `"tokens": { "backend": { "scopes": ["environment.users.read"] } } }`;

const verify = async (call: string, ignore: string) => {
  const dir = project(
    { ".git/HEAD": "", "calls.txt": `GET /environments/e1/users\n${call}\n`, "scopewise.config.json": config(ignore) },
    null,
  );
  return cliIn(dir, ["verify", "--max-warnings", "0"]);
};

describe("no ignore entry hides a call a server could route to an endpoint", () => {
  // [what, the call, an ignore written to hide it, whether the ignore's pattern reaches the call at all]
  test.each([
    ["a dot segment", "PUT https://app.dynamicauth.com/api/v0/x/../environments/e1/users/u1", '"PUT /x/**"', false],
    ["an encoded dot segment", "PUT /environments/e1/%2e%2e/environments/e1/users/u1", '"PUT /environments/**"', false],
    ["an encoded slash", "PUT /environments/e1/users%2Fu1", '"PUT /environments/*/*"', false],
    ["an encoded unreserved character", "PUT /environments/e1/user%73/u1", '"PUT /environments/**"', false],
    ["an empty segment", "PUT https://app.dynamic.xyz//api/v0/environments/e1/users/u1", '"PUT /api/**"', false],
    ["a ;suffix", "PUT https://app.dynamicauth.com/api/v0;x/environments/e1/users/u1", '"PUT /api/v0;x/**"', true],
    [
      "another case of the base path",
      "PUT https://app.dynamicauth.com/API/V0/environments/e1/users/u1",
      '"* /API/**"',
      true,
    ],
    ["a case variant of an endpoint", "PUT /environments/e1/Users/u1", '"PUT /environments/*/Users/*"', true],
  ] as const)("%s stays in the run and fails it", async (_name, call, match, reached) => {
    const r = await verify(call, `{ "match": ${match}, "reason": "looks harmless" }`);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Not identified, so no policy can cover them (1):");
    if (reached) expect(r.stdout).toContain("1 call it matched stay: a server could route them to an endpoint");
  });

  test.each(["host:app.dynamicauth.com", "host:*.com", "host:app.dynamic.xyz", "host:*.dynamicauth.com"])(
    "%s is refused: Dynamic's API hosts serve nothing but the API",
    async (match) => {
      const r = await verify("GET /environments/e1/userz", `{ "match": "${match}", "reason": "status pages" }`);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("it would hide calls to Dynamic's API host");
    },
  );

  test("an ignore still takes what it is for: an unknown, unambiguous request", async () => {
    const r = await verify("GET /healthz", '{ "match": "GET /healthz", "reason": "probe" }');
    expect(r.code).toBe(0);
  });
});
