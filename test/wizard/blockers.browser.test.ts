// The wizard's blockers in a real browser: refused lines, damaged links, hidden characters and links that
// arrive while the page holds inputs. Rows marked "attack" are an outside attacker's repros.
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { emptyState, encodeState } from "../../wizard/permalink.js";
import { axe, calls, copyBlock, drop, textOf, useWizardBrowser } from "../helpers/wizard-browser.js";

const { open, errors } = useWizardBrowser();

const BODY = "Create-token request body";
const CURL = "curl (your token from $DYNAMIC_API_TOKEN)";
const SDK = "@dynamic-labs/sdk-api (TypeScript)";
const DELETE_TOKEN = "DELETE /environments/e/tokens/t";

/** The take-away offers nothing: no body, curl or SDK code. */
const offersNothing = async (page: Page) =>
  expect([await copyBlock(page, BODY), await copyBlock(page, CURL), await copyBlock(page, SDK)]).toEqual([
    null,
    null,
    null,
  ]);

const setHash = (page: Page, hash: string) => page.evaluate(`location.hash = ${JSON.stringify(hash)}`);

test("attack: a fresh page, or every scope unticked: never a create-token request with an empty scope list", async () => {
  const page = await open();
  await offersNothing(page);
  expect(await textOf(page, "takeaway-blocked")).toMatch(/^No calls yet/);
  await calls(page).fill("GET /environments/e1/users");
  await expect.poll(() => copyBlock(page, BODY)).toContain('"environment.users.read"');
  await page.getByRole("checkbox", { name: /environment\.users\.read/ }).uncheck();
  await page.getByTestId("takeaway-blocked").getByText("No scope is ticked").waitFor();
  await offersNothing(page);
  await page.close();
});

test("attack: a line holding several SDK calls is refused, naming its line, and no request is offered", async () => {
  const page = await open();
  for (const line of [
    "await Promise.all([usersApi.getEnvironmentUsers(a), tokensApi.deleteTokenById(b)])",
    "usersApi.getEnvironmentUsers(); tokensApi.deleteTokenById()",
    "usersApi.getEnvironmentUsers() && tokensApi.deleteTokenById()",
    "usersApi.getEnvironmentUsers().then(() => tokensApi.deleteTokenById())",
    "usersApi.getEnvironmentUsers`${tokensApi.deleteTokenById()}`",
    "usersApi.getEnvironmentUsers // then tokensApi.deleteTokenById",
  ]) {
    await calls(page).fill("");
    await page.getByText("No calls yet: type or drop some above.").first().waitFor();
    await calls(page).fill(`GET /environments/e1/users\n${line}`);
    await page.getByTestId("headline").getByText("1 call could not be identified").waitFor();
    expect(await textOf(page, "blocker"), line).toContain(`${line} (typed calls, line 2)`);
    await offersNothing(page);
  }
  await page.close();
});

test("attack: a # comment hiding a call behind a hidden line break, typed or dropped, is a refused call", async () => {
  const page = await open();
  const separators = ["\u0085", "\u000b", "\u000c", "\u2028", "\u2029"];
  for (const c of separators) {
    await calls(page).fill("");
    await page.getByText("No calls yet: type or drop some above.").first().waitFor();
    await calls(page).fill(`GET /environments/e1/users\n# c${c}${DELETE_TOKEN}`);
    await page.getByTestId("headline").getByText("1 call could not be identified").waitFor();
  }
  await calls(page).fill("");
  await drop(
    page,
    separators.map((c, i) => ({ name: `c${i}.txt`, text: `GET /environments/e1/users\n# c${c}${DELETE_TOKEN}\n` })),
  );
  await page.getByTestId("headline").getByText("5 calls could not be identified").waitFor();
  await offersNothing(page);
  await page.close();
});

test("attack: a damaged link is a blocker until kept; a reload shows it again; start over clears it", async () => {
  const full = encodeState({
    ...emptyState(),
    calls: "GET /environments/e/users",
    files: [{ name: "session.har", calls: ["DELETE /environments/:environmentId/tokens/:tokenId"] }],
  });
  const page = await open(`#${full.slice(0, full.indexOf("&end") - 4)}`);
  expect(await textOf(page, "link-blocker")).toContain("the link's calls from files could not be read");
  expect(await textOf(page, "takeaway-blocked")).toContain("damaged or from another version");
  await offersNothing(page);
  // The address keeps the damaged link: a reload cannot turn it into a clean link of fewer calls.
  await page.waitForTimeout(400);
  await page.reload();
  await page.getByTestId("link-blocker").waitFor();
  await page.getByRole("button", { name: "I checked the inputs: keep them" }).click();
  expect(await page.getByTestId("link-blocker").count()).toBe(0);
  await expect.poll(() => copyBlock(page, BODY)).toContain('"environment.users.read"');
  await expect.poll(() => page.url()).toMatch(/&end=1$/);
  await page.close();

  const other = await open("#calls=GET+/environments/e/users%0ADELETE+/environments/e/tokens/t");
  expect(await textOf(other, "link-blocker")).toContain("names no version");
  await other.getByRole("button", { name: "Start over" }).click();
  expect(await other.getByTestId("link-blocker").count()).toBe(0);
  expect(await textOf(other, "takeaway-blocked")).toMatch(/^No calls yet/);
  await other.close();
});

test("attack: hidden characters in a link's note and env are escaped in every snippet and said; the env is not used", async () => {
  const page = await open(
    "#v=1&calls=GET+/environments/e/users&note=deploy+%E2%80%AE&env=e1%E2%81%A6%E2%81%A9%E2%80%8F",
  );
  await page.getByRole("button", { name: "I checked the inputs: keep them" }).click();
  const snippets = [await copyBlock(page, BODY), await copyBlock(page, CURL), await copyBlock(page, SDK)];
  for (const text of snippets) expect(text).not.toMatch(/[\u202E\u2066\u2069\u200F]/);
  expect(snippets[0]).toContain('"note": "deploy \\u202e"');
  expect(snippets[1]).toContain('/environments/$DYNAMIC_ENVIRONMENT_ID/tokens"');
  expect(snippets[2]).toContain("environmentId: process.env.DYNAMIC_ENVIRONMENT_ID!,");
  const hints = page.getByTestId("hidden-characters");
  expect(await hints.allTextContents()).toEqual([
    expect.stringContaining("The note holds hidden characters (U+202E)"),
    expect.stringContaining("The environment ID holds hidden characters (U+2066, U+2069, U+200F): it is not used"),
  ]);
  await hints.first().getByRole("button", { name: "Remove them" }).click();
  expect(await page.getByLabel("Note (names the token in Dynamic)").inputValue()).toBe("deploy ");
  expect(await hints.count()).toBe(1);
  await page.close();
});

test("a link that arrives while the page holds inputs replaces them only when asked; on an empty page it loads", async () => {
  const next = "#v=2&calls=GET+/environments/e/users&pick=environment.users.read&end=1";
  const page = await open();
  await calls(page).fill(`GET /environments/e1/users\n${DELETE_TOKEN}`);
  await expect.poll(() => page.url()).toContain("DELETE");
  await setHash(page, next);
  await page.getByTestId("hash-banner").waitFor();
  expect(await calls(page).inputValue()).toBe(`GET /environments/e1/users\n${DELETE_TOKEN}`);
  // The address shows the page's own inputs until the user chooses.
  await expect.poll(() => page.url()).toContain("DELETE");
  await page.getByRole("button", { name: "Keep mine" }).click();
  expect(await page.getByTestId("hash-banner").count()).toBe(0);
  expect(await calls(page).inputValue()).toContain("DELETE");
  // The skip link moves focus, not the state.
  await page.getByRole("link", { name: "Skip to the scopes" }).focus();
  await page.keyboard.press("Enter");
  expect(await page.evaluate("document.activeElement.id")).toBe("need");
  expect(page.url()).toContain("DELETE");
  await setHash(page, next);
  await page.getByRole("button", { name: "Load the new link" }).click();
  expect(await calls(page).inputValue()).toBe("GET /environments/e/users");
  await page.close();

  const empty = await open();
  await setHash(empty, next);
  await expect.poll(() => calls(empty).inputValue()).toBe("GET /environments/e/users");
  expect(await empty.getByTestId("hash-banner").count()).toBe(0);
  await empty.close();
});

test("axe finds no violations in the blockers, the link banners and the hidden-character hints", async () => {
  const page = await open("#v=1&calls=GET+/nowhere&note=deploy+%E2%80%AE&env=e1%E2%80%AE");
  await setHash(page, "#v=2&calls=GET+/environments/e/users&end=1");
  await page.getByTestId("hash-banner").waitFor();
  await page.getByTestId("link-blocker").waitFor();
  await page.getByTestId("takeaway-blocked").waitFor();
  expect(await axe(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await axe(page)).toEqual([]);
  await page.close();
  expect(errors).toEqual([]);
});
