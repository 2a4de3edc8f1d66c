import { expect, test } from "vitest";
import { requiredScopes } from "../../src/index.js";

// Literal and param siblings: the literal wins, the param takes everything else.
test.each([
  ["GET", "/environments/e1/waas/policies", "/environments/:environmentId/waas/policies", "environment.settings.read"],
  [
    "GET",
    "/environments/e1/waas/0b6c6f6e-6a1d-4f7e-9a51-3c1f3d1e9b10",
    "/environments/:environmentId/waas/:walletId",
    "environment.settings.read",
  ],
  [
    "GET",
    "/environments/{environmentId}/waas/{id}",
    "/environments/:environmentId/waas/:walletId",
    "environment.settings.read",
  ],
  [
    "GET",
    "/environments/:environmentId/waas/:walletId",
    "/environments/:environmentId/waas/:walletId",
    "environment.settings.read",
  ],
  [
    "POST",
    "/environments/e1/waas/policies",
    "/environments/:environmentId/waas/policies",
    "environment.settings.write",
  ],
  ["POST", "/environments/e1/waas/authenticate", "/environments/:environmentId/waas/authenticate", "waas.authenticate"],
  [
    "POST",
    "/environments/e1/waas/w1/delegatedAccess/signMessage",
    "/environments/:environmentId/waas/:walletId/delegatedAccess/signMessage",
    "waas.delegatedAccess.signMessage",
  ],
  // A wallet id that equals a literal sibling: the literal branch dead-ends, the param branch answers.
  [
    "POST",
    "/environments/e1/waas/policies/delegatedAccess/signMessage",
    "/environments/:environmentId/waas/:walletId/delegatedAccess/signMessage",
    "waas.delegatedAccess.signMessage",
  ],
  [
    "POST",
    "/environments/e1/waas/authenticate/delegatedAccess/signMessage",
    "/environments/:environmentId/waas/:walletId/delegatedAccess/signMessage",
    "waas.delegatedAccess.signMessage",
  ],
  [
    "GET",
    "/environments/e1/waas/delegatedAccess/encryptionPublicKeys",
    "/environments/:environmentId/waas/delegatedAccess/encryptionPublicKeys",
    "environment.settings.read",
  ],
  [
    "GET",
    "/environments/e1/waas/delegatedAccess",
    "/environments/:environmentId/waas/:walletId",
    "environment.settings.read",
  ],
  [
    "GET",
    "/environments/e1/analytics/wallets",
    "/environments/:environmentId/analytics/wallets",
    "environment.analytics.read",
  ],
  [
    "GET",
    "/environments/e1/analytics/walletsBreakdown",
    "/environments/:environmentId/analytics/walletsBreakdown",
    "environment.analytics.read",
  ],
  ["PUT", "/allowlists/a1", "/allowlists/:allowlistId", "environment.settings.write"],
  ["PUT", "/allowlists/a1/enable", "/allowlists/:allowlistId/enable", "environment.settings.write"],
  ["PUT", "/allowlists/enable", "/allowlists/:allowlistId", "environment.settings.write"],
  ["PUT", "/allowlists/enable/enable", "/allowlists/:allowlistId/enable", "environment.settings.write"],
  ["GET", "/allowlists/a1", "/allowlists/:allowlistId", "environment.settings.read"],
  ["DELETE", "/allowlists/a1", "/allowlists/:allowlistId", "environment.settings.write"],
  ["GET", "/environments/e1/users", "/environments/:environmentId/users", "environment.users.read"],
  ["POST", "/environments/e1/users", "/environments/:environmentId/users", "environment.users.write"],
  ["POST", "/environments/e1/users/bulk", "/environments/:environmentId/users/bulk", "environment.users.write"],
  ["GET", "/environments/e1/users/bulk", "/environments/:environmentId/users/:userId", "environment.users.read"],
  ["GET", "/environments/e1/users/usr_1", "/environments/:environmentId/users/:userId", "environment.users.read"],
  ["PUT", "/environments/e1/users/usr_1", "/environments/:environmentId/users/:userId", "environment.users.write"],
  [
    "POST",
    "/environments/e1/users/usr_1/balances",
    "/environments/:environmentId/users/:userId/balances",
    "environment.balances.read",
  ],
  [
    "POST",
    "/environments/e1/users/bulk/balances",
    "/environments/:environmentId/users/:userId/balances",
    "environment.balances.read",
  ],
  [
    "GET",
    "/environments/e1/globalWallet/accessControl",
    "/environments/:environmentId/globalWallet/accessControl",
    "environment.settings.read",
  ],
  [
    "PUT",
    "/environments/e1/globalWallet/accessControl/enable",
    "/environments/:environmentId/globalWallet/accessControl/enable",
    "environment.settings.write",
  ],
  [
    "GET",
    "/environments/e1/exports/x1/download",
    "/environments/:environmentId/exports/:exportId/download",
    "environment.users.read",
  ],
  ["GET", "/users/u1", "/users/:userId", "environment.users.read"],
  [
    "GET",
    "/environments/e1/sdkViews/login",
    "/environments/:environmentId/sdkViews/:viewType",
    "environment.settings.read",
  ],
])("%s %s → %s", async (method, path, template, scope) => {
  expect(requiredScopes(`${method} ${path}`)).toMatchObject({
    status: "matched",
    anyOf: [scope],
    endpoint: { method, path: template },
  });
});

test("a placeholder never matches a literal segment", () => {
  expect(requiredScopes("POST /environments/{environmentId}/users/{id}")).toMatchObject({
    status: "method-not-allowed",
  });
  expect(requiredScopes("GET /{x}/e1/users")).toMatchObject({ status: "unknown" });
  expect(requiredScopes("GET /environments/:env/:users")).toMatchObject({ status: "unknown" });
});
