import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { scanFiles } from "../../../src/node/index.js";
import { DYNAMIC, short, writeProject, type Files } from "../../helpers/scan-project.js";

const project: Files = {
  "tsconfig.json": JSON.stringify({
    compilerOptions: { strict: true, baseUrl: ".", paths: { "@lib/*": ["src/lib/*"] } },
  }),
  "src/lib/dynamic.ts": `export const BASE = "${DYNAMIC}";\n`,
  "src/lib/verbs.ts": 'export const VERB = "GET";\nexport const COLLECTION = "users";\n',
  "src/lib/client.ts":
    'import { BASE } from "./dynamic";\nimport { VERB } from "@lib/verbs";\n' +
    "export const send = (path: string) => fetch(`${BASE}${path}`, { method: VERB });\n",
  "src/jobs/sync.ts":
    'import { BASE } from "@lib/dynamic";\nimport { VERB, COLLECTION } from "@lib/verbs";\n' +
    "export const sync = (env: string) => fetch(`${BASE}/environments/${env}/${COLLECTION}`, { method: VERB });\n",
  "src/jobs/audit.ts":
    'import { send } from "../lib/client";\nexport const audit = (env: string) => send(`/environments/${env}/users`);\n',
  "src/jobs/other.ts": `export const origins = () => fetch("${DYNAMIC}/environments/e/origins");\n`,
};

// audit.ts (through client.ts), other.ts, sync.ts.
const EVERYTHING = ["GET /environments/{env}/users", "GET /environments/e/origins", "GET /environments/{env}/users"];

const git = (dir: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.email=ci@example.com", "-c", "user.name=ci", ...args], {
    cwd: dir,
    encoding: "utf8",
  });

// `--changed-since`: the changed files and every file importing one, directly or through others (paths
// aliases included); a changed project file (tsconfig, package.json, scopewise config) scans everything.
const cases: [name: string, change: Files, scanned: string[], found: string[]][] = [
  [
    "a changed constant module: its importers, and their importers",
    { "src/lib/verbs.ts": 'export const VERB = "POST";\nexport const COLLECTION = "tokens";\n' },
    ["src/jobs/audit.ts", "src/jobs/sync.ts", "src/lib/client.ts", "src/lib/verbs.ts"],
    ["POST /environments/{env}/users", "POST /environments/{env}/tokens"],
  ],
  [
    "a changed leaf file: itself only",
    {
      "src/jobs/other.ts": `export const origins = () => fetch("${DYNAMIC}/environments/e/origins", { method: "PUT" });\n`,
    },
    ["src/jobs/other.ts"],
    ["PUT /environments/e/origins"],
  ],
  [
    "a changed tsconfig: everything",
    {
      "tsconfig.json": JSON.stringify({
        compilerOptions: { strict: false, baseUrl: ".", paths: { "@lib/*": ["src/lib/*"] } },
      }),
    },
    Object.keys(project)
      .filter((f) => f.endsWith(".ts"))
      .sort(),
    EVERYTHING,
  ],
  [
    "a changed package.json: everything",
    { "package.json": '{ "name": "app" }' },
    Object.keys(project)
      .filter((f) => f.endsWith(".ts"))
      .sort(),
    EVERYTHING,
  ],
];

describe("--changed-since reads importers of changed files", () => {
  test.each(cases)("%s", async (_, change, scanned, found) => {
    const dir = writeProject(project);
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", ".");
    git(dir, "commit", "-qm", "base");
    git(dir, "checkout", "-qb", "pr");
    for (const [path, text] of Object.entries(change)) writeFileSync(join(dir, path), text);
    git(dir, "add", ".");
    git(dir, "commit", "-qm", "change");
    const r = await scanFiles([], { cwd: dir, changedSince: "main" });
    expect(r.files).toBe(scanned.length);
    expect(short(r)).toEqual(found);
  });
});
