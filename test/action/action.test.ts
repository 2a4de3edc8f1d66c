import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { root } from "../helpers/cli.js";

// The Action end to end: its built entry runs in a child process against a node:http server on 127.0.0.1
// standing in for GitHub's REST API, with a recorded pull_request event as GITHUB_EVENT_PATH.

const entry = join(root, "dist/action/index.js");
const tmp = mkdtempSync(join(tmpdir(), "scopewise-action-"));
const project = join(tmp, "project");
cpSync(join(root, "examples/gate"), project, { recursive: true });

interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
  html_url: string;
}
const comments: Comment[] = [
  // A person quoting the marker: never the Action's comment to update.
  {
    id: 1,
    body: "<!-- scopewise: verify -->\nwhy does this say failed?",
    user: { login: "dev-octo", type: "User" },
    html_url: "https://github.com/acme/shop/pull/7#issuecomment-1",
  },
];
const requests: { method: string; url: string; auth: string | undefined }[] = [];
let server: Server;
let api = "";

const body = async (req: IncomingMessage): Promise<{ body: string }> => {
  let text = "";
  for await (const chunk of req) text += chunk;
  return JSON.parse(text) as { body: string };
};

beforeAll(async () => {
  if (!existsSync(entry)) throw new Error("dist/action/index.js is missing: run `npm run build` first");
  server = createServer(async (req, res) => {
    requests.push({ method: req.method ?? "", url: req.url ?? "", auth: req.headers.authorization });
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };
    const url = new URL(req.url ?? "/", "http://x");
    if (req.method === "GET" && url.pathname === "/repos/acme/shop/issues/7/comments") return send(200, comments);
    if (req.method === "POST" && url.pathname === "/repos/acme/shop/issues/7/comments") {
      const id = 100 + comments.length;
      const c = {
        id,
        body: (await body(req)).body,
        user: { login: "github-actions[bot]", type: "Bot" },
        html_url: `https://github.com/acme/shop/pull/7#issuecomment-${id}`,
      };
      comments.push(c);
      return send(201, c);
    }
    const patch = /^\/repos\/acme\/shop\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (req.method === "PATCH" && patch) {
      const c = comments.find((x) => x.id === Number(patch[1]));
      if (!c) return send(404, { message: "Not Found" });
      c.body = (await body(req)).body;
      return send(200, c);
    }
    send(404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const runAction = (name: string, event: string, extra: Record<string, string> = {}) => {
  const files = { output: join(tmp, `${name}.output`), summary: join(tmp, `${name}.summary.md`) };
  writeFileSync(files.output, "");
  writeFileSync(files.summary, "");
  const env = {
    PATH: process.env["PATH"] ?? "",
    GITHUB_ACTIONS: "true",
    GITHUB_API_URL: api,
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: join(root, "test/fixtures/github/pull_request.synchronize.json"),
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    INPUT_COMMAND: "verify",
    INPUT_ARGS: "",
    INPUT_CONFIG: "",
    "INPUT_WORKING-DIRECTORY": project,
    "INPUT_SARIF-FILE": "scopewise.sarif",
    INPUT_COMMENT: "true",
    "INPUT_GITHUB-TOKEN": "ghs_test",
    ...extra,
  };
  return new Promise<{ code: number; stdout: string; output: string; summary: string }>((resolve) => {
    execFile(process.execPath, [entry], { cwd: project, env }, (error, stdout) => {
      resolve({
        code: error ? ((error as { code?: number }).code ?? 1) : 0,
        stdout,
        output: readFileSync(files.output, "utf8"),
        summary: readFileSync(files.summary, "utf8"),
      });
    });
  });
};

const ours = () => comments.filter((c) => c.user.type === "Bot");

test("on a pull request: one comment created, then updated in place; annotations, summary, SARIF, outputs", async () => {
  const first = await runAction("first", "pull_request");
  expect(first.code).toBe(0);
  expect(ours()).toHaveLength(1);
  expect(ours()[0]!.body).toMatch(/^<!-- scopewise: verify -->\n### scopewise verify: ✅ passed/);
  expect(first.summary).toContain("### scopewise verify: ✅ passed (0 errors, 0 warnings)");
  expect(first.output).toMatch(/exit-code<<[^\n]*\n0\n/);
  expect(first.output).toMatch(/comment-id<<[^\n]*\n101\n/);
  expect(first.stdout).toContain("::notice title=scopewise ignored-call,file=logs/access.log,line=1::GET /healthz");
  const sarif = JSON.parse(readFileSync(join(project, "scopewise.sarif"), "utf8"));
  expect(sarif.runs[0].results.every((r: { suppressions?: unknown[] }) => r.suppressions?.length === 1)).toBe(true);

  // The next push drops a scope the code needs: the same comment now says so, and the step fails.
  const config = join(project, "scopewise.config.json");
  writeFileSync(config, readFileSync(config, "utf8").replace('"environment.users.write", ', ""));
  const second = await runAction("second", "pull_request");
  expect(second.code).toBe(1);
  expect(ours()).toHaveLength(1);
  expect(ours()[0]!.body).toContain("### scopewise verify: ❌ failed: 2 errors, 0 warnings");
  expect(ours()[0]!.body).toContain("| `src/jobs/sync.ts:13:17` | `UsersApi.updateUser` | `environment.users.write` |");
  expect(second.stdout).toMatch(
    /::error title=scopewise missing-scope,file=src\/jobs\/sync.ts,line=13,col=17::this change needs environment.users.write/,
  );
  expect(second.output).toMatch(/errors<<[^\n]*\n2\n/);
  expect(second.summary).toContain("❌ failed");
  expect(comments[0]!.body).toBe("<!-- scopewise: verify -->\nwhy does this say failed?");
  const writes = requests.filter((r) => r.method !== "GET");
  expect(writes.map((r) => `${r.method} ${r.url}`)).toEqual([
    "POST /repos/acme/shop/issues/7/comments",
    "PATCH /repos/acme/shop/issues/comments/101",
  ]);
  expect(requests.every((r) => r.auth === "token ghs_test")).toBe(true);
});

test("off a pull request no comment is posted; a config error fails the step with exit 2", async () => {
  const before = requests.length;
  const push = await runAction("push", "push");
  expect(push.stdout).toContain("no PR comment: not a pull request (push)");
  expect(requests.length).toBe(before);
  const broken = await runAction("broken", "push", { INPUT_CONFIG: "missing.json" });
  expect(broken.code).toBe(1);
  expect(broken.output).toMatch(/exit-code<<[^\n]*\n2\n/);
  expect(broken.stdout).toContain("::error::scopewise verify could not run (exit 2)");
});
