import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { readSdk } from "../../src/node/catalog/sdk-extract.js";
import { sdkDrift } from "../../src/node/catalog/sdk-drift.js";
import type { SdkMapping } from "../../src/node/catalog/sdk-mapping.js";
import { dynamicCatalog, InputError, parseCatalog } from "../../src/index.js";
import { makeCatalog } from "../helpers/catalogs.js";

const fake = "test/fixtures/fake-sdk";
const catalog = (() => {
  const data = makeCatalog({
    "users.read": [
      ["GET", "/environments/:environmentId/users"],
      ["GET", "/users/:userId"],
    ],
    "users.write": [["DELETE", "/users/:userId"]],
  });
  data.undocumented = [
    { source: "@dynamic-labs/sdk-api 0.0.998", endpoints: ["GET /sdk/:environmentId/gone"] },
    { source: "https://docs.example.test/tokens-me", endpoints: ["GET /tokens/me"] },
  ];
  return parseCatalog(data);
})();
const baseline: SdkMapping = {
  sdk: { name: "@dynamic-labs/sdk-api", version: "0.0.998" },
  catalog: { name: "test", version: "1.0.0" },
  operations: [
    {
      operation: "UsersApi.getEnvironmentUsers",
      method: "GET",
      path: "/environments/{environmentId}/users",
      documented: true,
    },
    { operation: "UsersApi.getUser", method: "GET", path: "/users/{userId}", documented: true },
    { operation: "UsersApi.deleteUser", method: "DELETE", path: "/users/{userId}", documented: true },
  ],
};

describe("catalog sdk-drift against a fake SDK tree", () => {
  const sdk = readSdk(fake, process.cwd());
  const drift = sdkDrift(catalog, sdk, baseline);

  test("reads the fake SDK's operations and TokenScopes as it reads the real one", () => {
    expect(sdk).toMatchObject({ name: "@dynamic-labs/sdk-api", version: "0.0.999", problems: [] });
    expect(sdk.operations.map((o) => `${o.operation} ${o.method} ${o.path}`)).toEqual([
      "TokensApi.getTokenMe GET /tokens/me",
      "UsersApi.exportUserData POST /environments/{environmentId}/users/{userId}/export",
      "UsersApi.getEnvironmentUsers GET /environments/{environmentId}/users",
      "UsersApi.getUser GET /environments/{environmentId}/users/{userId}",
    ]);
    expect(sdk.tokenScopes).toEqual(["users.read", "users.export"]);
  });

  test("new operations with no documented scope (the known undocumented ones are not drift)", () => {
    expect(drift.newUndocumented.map((o) => o.operation)).toEqual(["UsersApi.exportUserData", "UsersApi.getUser"]);
  });

  test("operations gone since the baseline, and operations whose path changed", () => {
    expect(drift.vanished.map((o) => o.operation)).toEqual(["UsersApi.deleteUser"]);
    expect(drift.changed).toEqual([
      expect.objectContaining({ operation: "UsersApi.getUser", was: { method: "GET", path: "/users/{userId}" } }),
    ]);
  });

  test("catalog endpoints the SDK no longer serves, and undocumented ones it no longer has", () => {
    expect(drift.catalogOnly.map((e) => `${e.method} ${e.path}`)).toEqual([
      "GET /users/:userId",
      "DELETE /users/:userId",
    ]);
    // An undocumented endpoint known from this SDK that it no longer has; the docs-known GET /tokens/me is not judged.
    expect(drift.staleUndocumented).toEqual([
      { method: "GET", path: "/sdk/:environmentId/gone", source: "@dynamic-labs/sdk-api 0.0.998" },
    ]);
  });

  test("TokenScopes drift both ways", () => {
    expect(drift.scopesNotInCatalog).toEqual(["users.export"]);
    expect(drift.scopesNotInSdk).toEqual(["users.write"]);
    expect(drift.drifted).toBe(true);
  });

  test("the installed SDK and Dynamic's catalog: no drift", () => {
    const committed = JSON.parse(readFileSync("data/dynamic-sdk-operations.json", "utf8")) as SdkMapping;
    const real = sdkDrift(dynamicCatalog, readSdk(undefined, process.cwd()), committed);
    expect(real).toMatchObject({ drifted: false, operations: 446, newUndocumented: [], catalogOnly: [] });
  });

  test("a folder that is not the SDK is an input error", () => {
    expect(() => readSdk("test/fixtures", process.cwd())).toThrow(InputError);
    expect(() => readSdk(undefined, "/")).toThrow(/not installed here/);
  });
});
