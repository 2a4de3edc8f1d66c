// Records the calls Dynamic's own SDK makes, then prints the minimal token for them.
// Run after `npm run build`: node examples/record-calls.mjs
// The SDK talks to a local stand-in on 127.0.0.1, so no token or network is needed.
import { createServer } from "node:http";
import { Configuration, TokensApi, UsersApi } from "@dynamic-labs/sdk-api";
import { minimalScopes, recordCalls } from "scopewise";

const server = createServer((req, res) =>
  res.writeHead(200, { "content-type": "application/json" }).end(req.url.includes("/users") ? '{"users":[]}' : "{}"),
);
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const basePath = `http://127.0.0.1:${server.address().port}/api/v0`;

const { fetch, calls } = recordCalls();
const config = new Configuration({ basePath, fetchApi: fetch, accessToken: "dyn_example" });
await new UsersApi(config).getEnvironmentUsers({ environmentId: "env-1", limit: 10 });
await new UsersApi(config).getUser({ environmentId: "env-1", userId: "user-1" });
await new TokensApi(config).getTokens({ environmentId: "env-1" });
server.close();

for (const c of calls) console.log(`${c.method} ${c.url.replace(basePath, "…")}`);
console.log(`scopes: ${minimalScopes(calls).scopes.join(",")}`);
