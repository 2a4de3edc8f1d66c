// The token wizard in a real browser: Debian's chromium driven by playwright-core, launched once.
// Screenshots are kept in docs/wizard/ (the README shows them). Blockers: blockers.browser.test.ts.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "vitest";
import { root } from "../helpers/cli.js";
import { axe, calls, copyBlock, drop, shots, textOf, useWizardBrowser } from "../helpers/wizard-browser.js";

const { open, errors, requested, url } = useWizardBrowser();

/**
 * Keeps a screenshot for the docs: rewritten when the page's look changes, not for a byte of
 * antialiasing, so a test run leaves the committed images alone.
 */
const keep = (name: string, png: Buffer): void => {
  const file = `${shots}/${name}`;
  const old = existsSync(file) ? readFileSync(file) : undefined;
  if (old === undefined || Math.abs(old.length - png.length) > old.length / 100) writeFileSync(file, png);
};

/** The recorded session, moved onto Dynamic's host (it was recorded against a fake API on 127.0.0.1:47102). */
const har = readFileSync(`${root}test/fixtures/browser-session.har`, "utf8").replaceAll(
  "http://127.0.0.1:47102/api/v0",
  "https://app.dynamicauth.com/api/v0",
);

/** The same session without its one call no endpoint matches: every call identified. */
const harIdentified = (() => {
  const doc = JSON.parse(har) as { log: { entries: { request: { url: string } }[] } };
  doc.log.entries = doc.log.entries.filter((e) => !e.request.url.includes("/userz"));
  return JSON.stringify(doc);
})();

const TYPED = [
  "UsersApi.getEnvironmentUsers",
  "POST /environments/{environmentId}/users",
  "GET https://app.dynamicauth.com/api/v0/environments/0b6c6f6e-6a1d-4f7e-9a51-3c1f3d1e9b10/webhooks",
].join("\n");

test("typed calls: the minimal scopes with their reasons; a suggestion fixes a call it could not identify", async () => {
  const page = await open();
  await calls(page).fill(`${TYPED}\nGET /environments/e1/userz`);
  await page.getByTestId("headline").getByText("1 call could not be identified").waitFor();
  expect(await textOf(page, "headline")).toBe(
    "3 scopes cover 3 identified calls; 1 call could not be identified, so no token can be said to cover it.",
  );
  expect(await textOf(page, "blocker")).toContain("GET /environments/e1/userz");
  const scopes = page.getByRole("list", { name: "Minimal scopes" });
  expect(await scopes.getByRole("heading").allTextContents()).toEqual([
    "environment.users.read",
    "environment.users.write",
    "environment.webhooks.read",
  ]);
  expect(await scopes.textContent()).toContain("Read user data, wallets, and related information.");
  expect(await scopes.textContent()).toContain("typed calls, line 1");
  // While a call is not identified, the page offers no create-token request, and says why.
  expect(await copyBlock(page, "Create-token request body")).toBeNull();
  expect(await textOf(page, "takeaway-blocked")).toContain("1 call could not be identified");
  await page.getByRole("button", { name: "Use GET /environments/:environmentId/users on line 4" }).click();
  await page.getByText("3 scopes cover 4 identified calls.").waitFor();
  expect(await calls(page).inputValue()).toContain("GET /environments/:environmentId/users");
  expect(await page.getByTestId("blocker").count()).toBe(0);
  expect(await copyBlock(page, "Scope list")).toBe(
    "environment.users.read,environment.users.write,environment.webhooks.read",
  );
  await page.close();
});

test("a dropped HAR: what was read, skipped (other hosts) and not identified; inputs combine", async () => {
  const page = await open();
  await calls(page).fill("GET /environments/e1/webhooks");
  await drop(page, [{ name: "session.har", text: har }]);
  const card = page.locator(".input", { hasText: "session.har" });
  await card.waitFor();
  const text = (await card.textContent()) ?? "";
  expect(text).toContain("9 entries: 7 calls to Dynamic, 7 distinct calls");
  expect(text).toContain("2 requests to other hosts (127.0.0.1:47101 ×2)");
  expect(text).toContain("/environments/0b6c6f6e-6a1d-4f7e-9a51-3c1f3d1e9b10/userz");
  expect(await textOf(page, "headline")).toMatch(/^5 scopes cover 7 identified calls; 1 call could not be identified/);
  await page.getByRole("button", { name: "Remove session.har" }).click();
  await page.getByText("1 scope covers 1 identified call.").waitFor();
  await page.close();
});

test("unticking a scope shows the calls that break; ticking more shows what else the token could do", async () => {
  const page = await open();
  await calls(page).fill(TYPED);
  await page.getByText("3 scopes cover 3 identified calls.").waitFor();
  const write = page.getByRole("checkbox", { name: /environment\.users\.write/ });
  expect(await write.isChecked()).toBe(true);
  await write.uncheck();
  await page.getByText("These ticks break 1 call").waitFor();
  expect(await textOf(page, "selection")).toContain("POST /environments/{environmentId}/users");
  expect(await textOf(page, "selection")).toContain("Tick environment.users.write to cover them.");
  await page.getByRole("checkbox", { name: /environment\.settings\.write/ }).check();
  await page.getByText("Ticked beyond the need").waitFor();
  expect(await textOf(page, "selection")).toMatch(/environment\.settings\.write: 5\d endpoints no call uses/);
  // The take-away follows the ticks.
  expect(await page.locator(".copy-block", { hasText: "Scope list" }).locator("pre").textContent()).toBe(
    "environment.settings.write,environment.users.read,environment.webhooks.read",
  );
  await page.getByRole("button", { name: "Reset to the minimal set" }).click();
  await page.getByText("These ticks cover every call.").waitFor();
  await page.close();
});

test("a pasted token is compared with the need: missing and unused", async () => {
  const page = await open();
  await calls(page).fill(`${TYPED}\nGET /environments/e1/analytics/visits`);
  await page.getByLabel("Token JSON").fill(readFileSync(`${root}examples/token-ci.json`, "utf8"));
  const result = page.getByTestId("token-result");
  await result.getByText("not enough").waitFor();
  const text = (await result.textContent()) ?? "";
  expect(text).toContain("This token: not enough: 1 call not covered.");
  expect(text).toContain("Missing: add environment.analytics.read");
  expect(text).toContain("Unused: remove environment.settings.write");
  await page.getByLabel("Token JSON").fill("{ not json");
  await result.getByText("could not be read").waitFor();
  await page.close();
});

test("copy buttons hand over the create-token body, curl and SDK code; the link restores the page", async () => {
  const page = await open();
  await calls(page).fill(TYPED);
  await drop(page, [{ name: "session.har", text: harIdentified }]);
  await page.locator(".input", { hasText: "session.har" }).waitFor();
  await page.getByRole("checkbox", { name: /environment\.analytics\.read/ }).uncheck();
  await page.getByLabel("Note (names the token in Dynamic)").fill("user-sync worker");
  await page.getByLabel("Token JSON").fill('{ "scopes": ["environment.users.read", "environment.users.wrte"] }');
  await page.getByRole("button", { name: "Copy", exact: true }).first().click();
  await page.getByText("Copied the request body.").waitFor();
  const body = JSON.parse(await page.evaluate<string>("navigator.clipboard.readText()")) as unknown;
  expect(body).toEqual({
    note: "user-sync worker",
    scopes: [
      "environment.apiTokens.write",
      "environment.users.read",
      "environment.users.write",
      "environment.webhooks.read",
    ],
  });
  const curl = page.locator(".copy-block", { hasText: "curl" }).locator("pre");
  expect(await curl.textContent()).toContain(
    `curl -X POST "https://app.dynamicauth.com/api/v0/environments/$DYNAMIC_ENVIRONMENT_ID/tokens"`,
  );
  expect(await curl.textContent()).toContain(`-H "Authorization: Bearer $DYNAMIC_API_TOKEN"`);
  const sdk = page.locator(".copy-block", { hasText: "@dynamic-labs/sdk-api" }).locator("pre");
  expect(await sdk.textContent()).toContain("TokenScopes.EnvironmentApiTokensWrite,");

  // The same state from the link, in a fresh page.
  await expect.poll(() => page.url()).toContain("user-sync");
  const link = new URL(page.url()).hash;
  const before = {
    headline: await textOf(page, "headline"),
    selection: await textOf(page, "selection"),
    token: await textOf(page, "token-result"),
  };
  await page.close();
  const restored = await open(link);
  expect(await calls(restored).inputValue()).toBe(TYPED);
  expect(await restored.getByLabel("Note (names the token in Dynamic)").inputValue()).toBe("user-sync worker");
  expect(await restored.getByRole("checkbox", { name: /environment\.analytics\.read/ }).isChecked()).toBe(false);
  expect(await textOf(restored, "headline")).toBe(before.headline);
  // Calls from files come back as their endpoint templates: no IDs or query strings in a link.
  expect(await textOf(restored, "selection")).toBe(
    before.selection.replace(
      /GET https:\/\/app\.dynamicauth\.com\/api\/v0\/environments\/[\w-]+\/analytics\/visits\S* \(session\.har, line \d+\)/,
      "GET /environments/:environmentId/analytics/visits (session.har, from the link)",
    ),
  );
  const summary = (t: string) => [t.slice(0, t.indexOf("POST")), t.slice(t.indexOf("Not Dynamic scopes"))];
  expect(summary(await textOf(restored, "token-result"))).toEqual(summary(before.token));
  expect(before.token).toContain("Not Dynamic scopes: environment.users.wrte (did you mean environment.users.write?)");
  expect(await restored.locator(".input", { hasText: "session.har" }).textContent()).toContain(
    "restored from the link",
  );
  // The link never holds a token document, only scope names.
  expect(decodeURIComponent(link)).not.toContain('"scopes"');
  await restored.close();
});

test("source files point to the CLI; binary and broken files say why; a token file fills the comparison", async () => {
  const page = await open();
  await page
    .getByLabel("Choose files…")
    .setInputFiles([
      { name: "sync-users.ts", mimeType: "text/plain", buffer: readFileSync(`${root}examples/worker/sync-users.ts`) },
    ]);
  await page.locator(".input").getByText("npx scopewise scan sync-users.ts").waitFor();
  await drop(page, [
    { name: "image.png", base64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]).toString("base64") },
    { name: "broken.har", text: '{ "log": { "entries": [ { "request": ' },
    { name: "token.json", text: readFileSync(`${root}examples/token-ci.json`, "utf8") },
  ]);
  await page.locator(".input").getByText("not a text file").waitFor();
  expect(await page.locator(".input", { hasText: "broken.har" }).textContent()).toContain("not JSON");
  await page.getByTestId("token-result").getByText("This token").waitFor();
  await page.close();
});

test("hostile text in calls, HAR URLs, file names, notes, tokens and links stays text", async () => {
  const attack = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;
  const page = await open(
    `#v=1&note=${encodeURIComponent(`</textarea>${attack}`)}&base=${encodeURIComponent("https://evil.example/api/v0")}` +
      `&env=${encodeURIComponent(`e1'; rm -rf / #${attack}`)}&cmp=${encodeURIComponent(attack)}`,
  );
  await calls(page).fill(`GET /environments/${attack}\n${attack}\njavascript:alert(3)\nusersApi.${attack}`);
  const hostileHar = JSON.stringify({
    log: {
      entries: [
        {
          request: {
            method: `GET${attack}`,
            url: `https://app.dynamicauth.com/api/v0/environments/"><svg onload=alert(4)>`,
          },
        },
        { request: { method: "GET", url: `https://${attack}.example/x` } },
      ],
    },
  });
  await drop(page, [{ name: `${attack}.har`, text: hostileHar }]);
  await page.locator(".input", { hasText: ".har" }).waitFor();
  await page.getByLabel("Token JSON").fill(JSON.stringify({ scopes: [attack], note: attack }));
  await page.getByTestId("token-result").getByText("Not Dynamic scopes").waitFor();
  expect(await page.locator("body img, body svg, body script, body iframe, body object, body embed").count()).toBe(0);
  expect(await page.locator("[onerror], [onload]").count()).toBe(0);
  expect(await page.getByText(attack).count()).toBeGreaterThan(0);
  // Invisible and bidi characters are shown, so one call cannot pass for another.
  await calls(page).fill("GET /environments/e1/\u202Esresu\nGET /environments/e1/us\u200Bers");
  await page.getByText("GET /environments/e1/\\u{202E}sresu").first().waitFor();
  await page.getByText("GET /environments/e1/us\\u{200B}ers").first().waitFor();
  // A link cannot point the copied commands at another host; the environment ID cannot leave its quotes.
  expect(await textOf(page, "link-blocker")).toContain("API host is not one of Dynamic's");
  await page.getByRole("button", { name: "I checked the inputs: keep them" }).click();
  await calls(page).fill("GET /environments/e1/users");
  await page.getByRole("button", { name: /^Remove .*\.har$/ }).click();
  const curl = (await copyBlock(page, "curl (your token from $DYNAMIC_API_TOKEN)")) ?? "";
  expect(curl).toContain("https://app.dynamicauth.com/api/v0/environments/e1%27%3B%20rm%20-rf%20%2F%20%23");
  expect(curl).not.toContain("evil.example");
  expect(errors).toEqual([]);
  await page.close();
});

test("a paste of 5,000 unreadable lines stays a page: lists are cut, the blocker counts them all", async () => {
  const page = await open();
  const lines = Array.from({ length: 5_000 }, (_, i) => `GET /environments/e${i}/nothing${i}`).join("\n");
  // As a paste: one input event (Playwright's fill types long text slowly).
  await page.evaluate(`(() => {
    const el = document.querySelector("textarea");
    el.value = ${JSON.stringify(lines)};
    el.dispatchEvent(new Event("input", { bubbles: true }));
  })()`);
  await page.getByTestId("headline").getByText("5,000 calls could not be identified").waitFor();
  expect(await page.getByText("…and 4,900 more not shown").count()).toBe(2);
  expect(await page.locator("li").count()).toBeLessThan(400);
  await page.close();
});

test("keyboard only: every control is reached with Tab and shows where focus is", async () => {
  const page = await open();
  await calls(page).fill(TYPED);
  await page.getByText("3 scopes cover 3 identified calls.").waitFor();
  await page.keyboard.press("Tab"); // leave the text box; start from the top
  await page.evaluate("document.activeElement.blur()");
  const seen = new Set<string>();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate<{ name: string; outline: string }>(`(() => {
      const el = document.activeElement;
      const shown = el.matches("input[type=file]") ? el.nextElementSibling ?? el.labels[0] : el;
      const style = getComputedStyle(el.matches("input[type=file]") ? el.labels[0] : el);
      return { name: el.id.startsWith("scope-") ? el.id : el.tagName + ":" + (el.textContent || el.getAttribute("aria-label") || el.type || "").trim().slice(0, 30), outline: style.outlineStyle + " " + style.outlineWidth };
    })()`);
    if (focused.name.startsWith("BODY:")) continue; // focus left the page for the browser's own UI
    seen.add(focused.name);
    expect(focused.outline, focused.name).not.toMatch(/^none|0px$/);
  }
  expect([...seen]).toEqual(
    expect.arrayContaining([
      "A:Skip to the scopes",
      "TEXTAREA:textarea",
      "BUTTON:Fill in an example",
      "INPUT:file",
      "BUTTON:Copy",
      "INPUT:text",
    ]),
  );
  expect([...seen].filter((s) => s.startsWith("scope-")).length).toBeGreaterThanOrEqual(10);
  // Space ticks the focused box.
  await page.focus("#scope-environment\\.users\\.write");
  await page.keyboard.press("Space");
  await page.getByText("These ticks break 1 call").waitFor();
  await page.close();
});

test("axe finds no violations, light and dark; 390 px wide has no sideways scroll; screenshots kept", async () => {
  // The page as the docs show it: every call identified, so the take-away offers the request.
  const page = await open();
  await calls(page).fill(TYPED);
  await page.getByLabel("Token JSON").fill(readFileSync(`${root}examples/token-ci.json`, "utf8"));
  await page.getByRole("checkbox", { name: /environment\.settings\.read/ }).check();
  await page.getByTestId("token-result").getByText("This token").waitFor();
  expect(await axe(page)).toEqual([]);
  keep("light.png", await page.screenshot({ fullPage: true }));
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await axe(page)).toEqual([]);
  keep("dark.png", await page.screenshot({ fullPage: true }));
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
  await page.emulateMedia({ colorScheme: "light" });
  expect(await axe(page)).toEqual([]);
  keep("mobile-390.png", await page.screenshot({ fullPage: true }));
  await page.close();
  expect(errors).toEqual([]);
  // Nothing left the page: the browser asked only for the page's own three files.
  expect(new Set(requested.map((r) => r.replace(url(), "/")))).toEqual(new Set(["/", "/wizard.css", "/wizard.js"]));
}, 30_000);
