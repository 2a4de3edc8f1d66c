import { describe, expect, test } from "vitest";
import { dynamicCatalog, requiredScopes } from "../../src/index.js";

// Realistic ids by param name: Dynamic uses UUIDs for most, short names for a few.
const ID: Record<string, string> = {
  chainName: "EVM",
  viewType: "login",
  userId: "usr_2f9c1b7e",
};
const uuid = (i: number): string =>
  `${(0x3c1f3d1e + i).toString(16)}-6a1d-4f7e-9a51-0b6c6f6e${(0x1000 + i).toString(16)}`;

const variants: [string, (path: string) => string][] = [
  ["bare path", (p) => p],
  ["with /api/v0", (p) => `/api/v0${p}`],
  ...dynamicCatalog.baseUrls.map((b): [string, (p: string) => string] => [`on ${b}`, (p) => `${b}${p}`]),
  ["with a query string", (p) => `${p}?limit=5&cursor=abc%20def`],
  ["with a fragment", (p) => `${p}#top`],
  ["with a trailing slash", (p) => `${p}/`],
  ["everything at once", (p) => `${dynamicCatalog.baseUrls[0]}${p}/?x=1#y`],
];

describe.each(dynamicCatalog.endpoints.map((e) => ({ ...e, scope: e.anyOf[0] as string })))("$method $path", (e) => {
  const params: Record<string, string> = {};
  let i = 0;
  const concrete = e.path.replace(/:(\w+)/g, (_, name: string) => (params[name] = ID[name] ?? uuid(i++)));

  test.each(variants)("%s resolves to its scope", async (_name, build) => {
    for (const method of [e.method, e.method.toLowerCase()]) {
      expect(requiredScopes(`${method} ${build(concrete)}`)).toEqual({
        status: "matched",
        anyOf: [e.scope],
        endpoint: {
          method: e.method,
          path: e.path,
          summary: e.summary,
          deprecated: e.deprecated === true,
          ...(e.replacedBy ? { replacedBy: e.replacedBy } : {}),
          ...(e.risk ? { risk: e.risk } : {}),
        },
        params,
      });
    }
  });

  test("the template itself, in :name and {name} spellings, resolves to it", () => {
    expect(requiredScopes(`${e.method} ${e.path}`)).toMatchObject({ status: "matched", endpoint: { path: e.path } });
    expect(requiredScopes(`${e.method} ${e.path.replace(/:(\w+)/g, "{$1}")}`)).toMatchObject({
      status: "matched",
      endpoint: { path: e.path },
    });
  });
});
