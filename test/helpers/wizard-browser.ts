// The token wizard in a real browser, for the browser tests: Debian's chromium driven by playwright-core,
// launched once per test file, the page served from a fresh build.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, vi } from "vitest";
import { buildWizard } from "../../wizard/build.mjs";
import { serveWizard } from "../../wizard/serve.mjs";
import { root } from "./cli.js";

const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
export const shots = `${root}docs/wizard`;
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The page's address, what went wrong in any page, and every URL any page asked for. */
export interface WizardBrowser {
  readonly url: () => string;
  readonly errors: string[];
  readonly requested: string[];
  readonly open: (hash?: string) => Promise<Page>;
}

/** Builds and serves the wizard and launches the browser for this file's tests; closes both after them. */
export const useWizardBrowser = (): WizardBrowser => {
  vi.setConfig({ testTimeout: 20_000, hookTimeout: 30_000 });
  let browser: Browser;
  let context: BrowserContext;
  let server: Server;
  let url = "";
  let dir = "";
  const errors: string[] = [];
  const requested: string[] = [];
  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does), or set CHROMIUM_PATH`);
    // A build of this file's own: test files run in parallel, and a shared dist/wizard would be emptied
    // under another file's page.
    dir = mkdtempSync(join(tmpdir(), "scopewise-wizard-"));
    await buildWizard({ dir });
    ({ server, url } = await serveWizard(dir));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
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
      // Playwright starts every launch with a fresh, empty --user-data-dir of its own.
    });
    context = await browser.newContext({ viewport: { width: 1100, height: 900 }, colorScheme: "light" });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: url.slice(0, -1) });
    context.on("request", (r) => requested.push(r.url()));
    mkdirSync(shots, { recursive: true });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (dir !== "") rmSync(dir, { recursive: true, force: true });
  });
  const open = async (hash = ""): Promise<Page> => {
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("dialog", (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${url}${hash}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    return page;
  };
  return { url: () => url, errors, requested, open };
};

export const calls = (page: Page) => page.getByLabel("Calls, one per line");
export const textOf = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? "";

/** The text of the copy block titled `title`, or null when the page does not offer it. */
export const copyBlock = async (page: Page, title: string): Promise<string | null> => {
  const block = page.locator(".copy-block", { has: page.getByRole("heading", { name: title }) });
  return (await block.count()) === 0 ? null : await block.locator("pre").textContent();
};

/** Drops files on the page as a person would: dragover, then drop, with a DataTransfer of Files. */
export const drop = async (page: Page, files: { name: string; text?: string; base64?: string }[]) => {
  await page.evaluate(`(() => {
    const dt = new DataTransfer();
    for (const f of ${JSON.stringify(files)}) {
      const bytes = f.base64 ? Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)) : new TextEncoder().encode(f.text);
      dt.items.add(new File([bytes], f.name));
    }
    for (const type of ["dragover", "drop"])
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  })()`);
};

/** axe-core's violations on the page, one line each. */
export const axe = async (page: Page): Promise<string[]> => {
  await page.evaluate(axeSource);
  return page.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((r) =>
    r.violations.map((v) => v.id + ": " + v.nodes.map((n) => n.target.join(" ")).join(", ")))`);
};
