import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { readSdk } from "../../src/node/catalog/sdk-extract.js";
import { buildMapping } from "../../src/node/catalog/sdk-mapping.js";
import {
  dynamicCatalog,
  grants,
  lookupSdkOperation,
  minimalScopes,
  requiredScopes,
  resolveOperationNames,
  sdkOperations,
  sdkOperationsInfo,
} from "../../src/index.js";

const committed = JSON.parse(
  readFileSync(new URL("../../data/dynamic-sdk-operations.json", import.meta.url), "utf8"),
) as ReturnType<typeof buildMapping>;

describe("the committed SDK mapping (data/dynamic-sdk-operations.json)", () => {
  test("is what the generator makes from the installed SDK and the catalog (run `npm run sdk-operations` if this fails)", () => {
    expect(committed).toEqual(buildMapping(readSdk(undefined, process.cwd()), dynamicCatalog, requiredScopes));
  });

  test("agrees with the catalog: documented operations match their endpoint and scopes, the others match nothing", () => {
    for (const op of sdkOperations()) {
      const r = requiredScopes({ method: op.method, path: op.path });
      if (op.documented)
        expect(r, op.operation).toMatchObject({ status: "matched", endpoint: { path: op.endpoint }, anyOf: op.anyOf });
      else expect(r.status, op.operation).not.toBe("matched");
    }
  });

  test("covers the SDK's API classes, names the SDK version, and every method name is unique across classes", () => {
    expect(sdkOperationsInfo).toEqual({
      sdk: { name: "@dynamic-labs/sdk-api", version: "0.0.847" },
      catalog: { name: "dynamic", version: dynamicCatalog.version },
    });
    const names = sdkOperations().map((o) => o.operation);
    expect(names.length).toBe(446);
    expect(new Set(names.map((n) => n.split(".")[1])).size).toBe(names.length);
    expect(names).toContain("UsersApi.getEnvironmentUsers");
  });

  test("every catalog endpoint has an SDK operation", () => {
    const mapped = new Set(
      sdkOperations()
        .filter((o) => o.documented)
        .map((o) => `${o.method} ${o.endpoint}`),
    );
    const endpoints = new Set(dynamicCatalog.scopes.flatMap((s) => grants(s)).map((e) => `${e.method} ${e.path}`));
    expect(endpoints.size).toBe(131);
    expect([...endpoints].filter((e) => !mapped.has(e))).toEqual([]);
  });
});

describe("operation names as calls", () => {
  test.each([
    [
      "usersApi.getUser",
      "usersApi.getUser looks like an SDK instance call; give the class and method: did you mean UsersApi.getUser?",
    ],
    [
      "usersApi.getUsr",
      "usersApi.getUsr looks like an SDK instance call; give the class and method: did you mean UsersApi.getUser?",
    ],
    ["fooApi.x", "fooApi.x looks like an SDK instance call; give the class and method"],
    ["usersApi.getUser()", undefined],
  ])("an instance's name (%s) stays a call, refused with a did-you-mean", (name, note) => {
    const [r] = resolveOperationNames([name]);
    expect(r).toEqual({ call: name, source: { file: "calls", line: 1, ...(note === undefined ? {} : { note }) } });
    expect(requiredScopes(r!).status).toBe("invalid");
  });

  test("lookupSdkOperation finds names and Raw twins, and suggests a near name", () => {
    expect(lookupSdkOperation("UsersApi.getUserRaw")).toMatchObject({
      status: "found",
      operation: { operation: "UsersApi.getUser", method: "GET" },
    });
    expect(lookupSdkOperation("UsersApi.getUsr")).toEqual({
      status: "not-found",
      name: "UsersApi.getUsr",
      didYouMean: "UsersApi.getUser",
    });
  });

  test("resolveOperationNames: documented → its call, undocumented → its real path (unknown), missing → left invalid with a note", () => {
    const src = (line: number) => ({ file: "calls.txt", line });
    const r = resolveOperationNames(
      ["UsersApi.getUser", "WalletsApi.getWalletsByEnvironmentId", "UsersApi.getUsr", "GET /environments/e1/users"],
      "calls.txt",
    );
    expect(r.map((c) => c.call)).toEqual([
      { method: "GET", path: "/environments/{environmentId}/users/{userId}" },
      { method: "GET", path: "/environments/{environmentId}/wallets" },
      "UsersApi.getUsr",
      "GET /environments/e1/users",
    ]);
    expect(r.map((c) => c.source)).toEqual([
      { file: "calls.txt", line: 1, operation: "UsersApi.getUser" },
      {
        file: "calls.txt",
        line: 2,
        operation: "WalletsApi.getWalletsByEnvironmentId",
        note: "WalletsApi.getWalletsByEnvironmentId has no documented scope",
      },
      {
        file: "calls.txt",
        line: 3,
        note: "@dynamic-labs/sdk-api 0.0.847 has no operation UsersApi.getUsr; did you mean UsersApi.getUser?",
      },
      src(4),
    ]);
    const plan = minimalScopes(r);
    expect(plan.scopes).toEqual(["environment.users.read"]);
    expect(plan.unidentified.map((u) => [u.index, u.status])).toEqual([
      [1, "unknown"],
      [2, "invalid"],
    ]);
  });
});
