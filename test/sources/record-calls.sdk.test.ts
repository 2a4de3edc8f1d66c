import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Configuration, TokensApi, UsersApi, WalletsApi, WebhooksApi } from "@dynamic-labs/sdk-api";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkToken, minimalScopes, recordCalls } from "../../src/index.js";

// A local stand-in for app.dynamicauth.com: answers every request, remembers what reached it.
const received: { method: string; url: string; auth: string | undefined }[] = [];
let server: Server;
let basePath: string;

const body = (req: IncomingMessage): unknown => {
  if (req.method === "DELETE") return undefined;
  if (req.url?.endsWith("/tokens") && req.method === "POST")
    return { token: { id: "t1", scopes: ["environment.users.read"] }, rawToken: "dyn_x" };
  if (req.url?.endsWith("/wallets")) return { wallets: [] };
  return req.url?.includes("/users") ? { count: 0, users: [] } : {};
};

beforeAll(async () => {
  server = createServer((req, res) => {
    received.push({ method: req.method ?? "", url: req.url ?? "", auth: req.headers.authorization });
    req.resume();
    const b = body(req);
    if (b === undefined) res.writeHead(204).end();
    else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(b));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  basePath = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v0`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("recordCalls with Dynamic's generated client (@dynamic-labs/sdk-api)", () => {
  test("records every request the real SDK makes, and they plan to the scopes those operations need", async () => {
    const { fetch, calls } = recordCalls();
    const config = new Configuration({ basePath, fetchApi: fetch, accessToken: "dyn_test" });
    const environmentId = "0b6c6f6e-6a1d-4f7e-9a51-3c1f3d1e9b10";
    await new UsersApi(config).getEnvironmentUsers({ environmentId, limit: 5 });
    await new UsersApi(config).getUser({ environmentId, userId: "u 1" });
    await new TokensApi(config).getTokens({ environmentId });
    await new TokensApi(config).deleteTokenById({ environmentId, tokenId: "t1" });
    await new WebhooksApi(config).getWebhooks({ environmentId });
    await new WebhooksApi(config).deleteWebhookById({ environmentId, webhookId: "w1" });

    const base = `${basePath}/environments/${environmentId}`;
    expect(calls).toEqual([
      { method: "GET", url: `${base}/users?limit=5` },
      { method: "GET", url: `${base}/users/u%201` },
      { method: "GET", url: `${base}/tokens` },
      { method: "DELETE", url: `${base}/tokens/t1` },
      { method: "GET", url: `${base}/webhooks` },
      { method: "DELETE", url: `${base}/webhooks/w1` },
    ]);
    // The wrapper passed every request through: the server saw the same six, with the SDK's auth header.
    expect(received.slice(-6).map((r) => `${r.method} ${r.url}`)).toEqual(
      calls.map((c) => `${c.method} ${new URL(c.url).pathname}${new URL(c.url).search}`),
    );
    // SDK 0.0.847 quirk, seen here: WebhooksApi methods send no Authorization header at all.
    expect(received.slice(-6).map((r) => r.auth)).toEqual([...Array(4).fill("Bearer dyn_test"), undefined, undefined]);

    const plan = minimalScopes(calls);
    expect(plan.complete).toBe(true);
    expect(plan.scopes).toEqual([
      "environment.apiTokens.read",
      "environment.apiTokens.write",
      "environment.users.read",
      "environment.webhooks.read",
      "environment.webhooks.write",
    ]);
    expect(checkToken(["environment.users.read"], calls).missing.map((m) => m.anyOf)).toEqual([
      ["environment.apiTokens.read"],
      ["environment.apiTokens.write"],
      ["environment.webhooks.read"],
      ["environment.webhooks.write"],
    ]);
  });

  test("a POST with a body is recorded with its method, and an undocumented operation stays unidentified", async () => {
    const { fetch, calls } = recordCalls();
    const config = new Configuration({ basePath, fetchApi: fetch });
    await new TokensApi(config).postToken({
      environmentId: "e1",
      postTokenFields: { note: "ci", scopes: ["environment.users.read"] } as never,
    });
    await new WalletsApi(config).getWalletsByEnvironmentId({ environmentId: "e1" });
    expect(calls.map((c) => c.method)).toEqual(["POST", "GET"]);
    const plan = minimalScopes(calls);
    expect(plan.scopes).toEqual(["environment.apiTokens.write"]);
    expect(plan.unidentified).toMatchObject([{ index: 1, status: "unknown" }]);
  });

  test("requests that fail are recorded too, and the error reaches the caller", async () => {
    const failing = async (): Promise<Response> => {
      throw new TypeError("network down");
    };
    const { fetch, calls } = recordCalls(failing as typeof globalThis.fetch);
    await expect(fetch("https://app.dynamicauth.com/api/v0/environments/e1/users")).rejects.toThrow("network down");
    expect(calls).toEqual([{ method: "GET", url: "https://app.dynamicauth.com/api/v0/environments/e1/users" }]);
  });

  test("reads the method and URL of a Request, a URL object and init overrides", async () => {
    const ok = async (): Promise<Response> => new Response("{}");
    const { fetch, calls } = recordCalls(ok as typeof globalThis.fetch);
    await fetch(new Request("https://app.dynamicauth.com/api/v0/environments/e1/webhooks", { method: "POST" }));
    await fetch(new URL("https://app.dynamicauth.com/api/v0/environments/e1/tokens"), { method: "delete" });
    expect(calls).toEqual([
      { method: "POST", url: "https://app.dynamicauth.com/api/v0/environments/e1/webhooks" },
      { method: "DELETE", url: "https://app.dynamicauth.com/api/v0/environments/e1/tokens" },
    ]);
  });
});
