// Records test/fixtures/browser-session.har: real Chromium loads a local page on 127.0.0.1:47101 whose
// script calls a fake Dynamic API on 127.0.0.1:47102/api/v0, and Playwright saves the session as a HAR.
// Needs Chromium at /usr/bin/chromium (apt-get install chromium) and playwright-core; the tests do not.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const PAGE_PORT = 47101;
const API_PORT = 47102;
const api = `http://127.0.0.1:${API_PORT}/api/v0`;
const env = "0b6c6f6e-6a1d-4f7e-9a51-3c1f3d1e9b10";

const script = `
const api = ${JSON.stringify(api)};
const env = ${JSON.stringify(env)};
const call = (method, path, body) =>
  fetch(api + path, { method, headers: { authorization: "Bearer dyn_test", "content-type": "application/json" }, body: body && JSON.stringify(body) });
(async () => {
  await call("GET", "/environments/" + env + "/users?limit=5");
  await call("POST", "/environments/" + env + "/users", { email: "ada@example.com" });
  await call("GET", "/environments/" + env + "/users/u-42/wallets");
  await call("GET", "/environments/" + env + "/webhooks");
  await call("DELETE", "/environments/" + env + "/tokens/tok-7");
  await call("GET", "/environments/" + env + "/analytics/visits?startDate=2026-11-01");
  await call("GET", "/environments/" + env + "/userz");
  document.body.dataset.done = "yes";
})();`;

const page = createServer((req, res) => {
  if (req.url === "/app.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(script);
  if (req.url === "/")
    return res
      .writeHead(200, { "content-type": "text/html" })
      .end(`<!doctype html><title>token wizard demo</title><body><h1>Admin</h1><script src="/app.js"></script></body>`);
  res.writeHead(404).end();
});
const fakeApi = createServer((req, res) => {
  const cors = {
    "access-control-allow-origin": "*",
    "access-control-allow-headers": "authorization, content-type",
    "access-control-allow-methods": "GET, POST, PUT, DELETE",
  };
  if (req.method === "OPTIONS") return res.writeHead(204, cors).end();
  const known = !req.url.includes("/userz");
  res
    .writeHead(known ? 200 : 404, { ...cors, "content-type": "application/json" })
    .end(JSON.stringify(known ? { ok: true } : { error: "Not found" }));
});
await Promise.all([
  new Promise((r) => page.listen(PAGE_PORT, "127.0.0.1", r)),
  new Promise((r) => fakeApi.listen(API_PORT, "127.0.0.1", r)),
]);

const profile = mkdtempSync(join(tmpdir(), "scopewise-chromium-"));
const harPath = new URL("../test/fixtures/browser-session.har", import.meta.url).pathname;
// A fresh profile (Playwright passes it as --user-data-dir) and no background traffic of Chromium's own.
const context = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  recordHar: { path: harPath, content: "omit" },
});
const tab = await context.newPage();
await tab.goto(`http://127.0.0.1:${PAGE_PORT}/`);
await tab.waitForSelector("body[data-done=yes]");
await context.close();
page.close();
fakeApi.close();
rmSync(profile, { recursive: true, force: true });
// Indented as DevTools' "Export HAR" writes it, so entries have their own lines (whitespace only).
writeFileSync(harPath, `${JSON.stringify(JSON.parse(readFileSync(harPath, "utf8")), null, 2)}\n`);
console.log(`wrote ${harPath}`);
