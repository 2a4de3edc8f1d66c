import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import * as core from "../../src/index.js";
import * as node from "../../src/node/index.js";
import { root } from "../helpers/cli.js";

// Every function the package exports, called with only its required arguments: optional ones default
// (from Dynamic's catalog where it makes sense) and nothing throws a TypeError for a missing one.
const plan = core.minimalScopes(["GET /environments/e1/users"]);
const report: core.Report = { result: { kind: "plan", plan } };

const CORE: Record<string, () => unknown> = {
  requiredScopes: () => core.requiredScopes("GET /environments/e1/users"),
  checkToken: () => core.checkToken([], []),
  minimalScopes: () => core.minimalScopes([]),
  grants: () => core.grants("environment.users.read"),
  createCalculator: () => core.createCalculator(core.dynamicCatalog).minimalScopes([]),
  parseCatalog: () => core.parseCatalog(readFileSync(`${root}data/dynamic.catalog.json`, "utf8")),
  readHar: () => core.readHar('{"log":{"entries":[]}}'),
  parseLogLine: () => core.parseLogLine('{"method":"GET","url":"https://app.dynamicauth.com/api/v0/x"}'),
  createLogReader: () => core.createLogReader().finish(),
  parseCallsFile: () => core.parseCallsFile(""),
  createCallsReader: () => core.createCallsReader().finish(),
  recordCalls: () => core.recordCalls(),
  lookupSdkOperation: () => core.lookupSdkOperation("UsersApi.getUser"),
  operationCall: () => core.operationCall("UsersApi.getUser"),
  sdkOperations: () => core.sdkOperations(),
  isOperationName: () => core.isOperationName("UsersApi.getUser"),
  resolveOperationName: () => core.resolveOperationName("UsersApi.getUser"),
  resolveOperationNames: () => core.resolveOperationNames([]),
  onBaseUrls: () => core.onBaseUrls([])("https://x.test/"),
  parseLogFormat: () => core.parseLogFormat("auto"),
  rewriteIssues: () => core.rewriteIssues([]),
  reportFindings: () => core.reportFindings(report),
  formatReport: () => core.formatReport(report),
  textReport: () => core.textReport(report),
  jsonReport: () => core.jsonReport(report),
  markdownReport: () => core.markdownReport(report),
  sarifReport: () => core.sarifReport(report),
  githubReport: () => core.githubReport(report),
  formatLocation: () => core.formatLocation(undefined),
  parseConfig: () => core.parseConfig("{}"),
  createIgnorer: () => core.createIgnorer([]).report(),
  verifyPolicy: () => core.verifyPolicy(core.dynamicCatalog, []),
  updatePolicy: () => core.updatePolicy("{}", []),
  auditTokens: () => core.auditTokens({ tokens: [] }),
  readLiveTokenList: () => core.readLiveTokenList({ tokens: [] }),
  readLiveToken: () => core.readLiveToken({ id: "t1" }),
  deniedCalls: () => core.deniedCalls([]),
  deniedMessage: () => core.deniedMessage({ index: 0, call: "GET /x", status: 403 }),
  diffCatalogs: () => core.diffCatalogs(core.dynamicCatalog, core.dynamicCatalog),
  impactOf: () => core.impactOf(core.dynamicCatalog, core.dynamicCatalog, []),
  bumpVersion: () => core.bumpVersion("1.0.0", "minor"),
};

// A live call with its required arguments reaches no server here: an ApiError is its answer, never a TypeError.
const client = () =>
  node.createTokensClient({ token: "dyn_minimal_arguments", apiUrl: "http://127.0.0.1:9", retries: 0 });
const answered = (promise: Promise<unknown>) =>
  promise.catch((error: unknown) => {
    if (!(error instanceof node.ApiError)) throw error;
  });

const NODE: Record<string, () => unknown> = {
  readSource: () => node.readSource(`${root}examples/deploy-calls.txt`),
  readText: () => node.readText(`${root}examples/token-ci.json`),
  detectFormat: () => node.detectFormat("calls.txt", ""),
  scanFiles: () => node.scanFiles([`${root}examples/worker`]),
  scanSource: () => node.scanSource("fetch('/api/v0/environments/e1/users')", "a.js"),
  scanSources: () => node.scanSources([{ file: "a.js", code: "fetch('/api/v0/environments/e1/users')" }]),
  changedFiles: () => node.changedFiles("HEAD", [root]),
  listSourceFiles: () => node.listSourceFiles([`${root}examples/worker`]),
  findConfig: () => node.findConfig(),
  loadConfig: () => node.loadConfig(`${root}examples/gate/scopewise.config.json`),
  expandInputs: () => node.expandInputs([], root),
  createTokensClient: () => client(),
  listTokens: async () => answered(node.listTokens(await client(), "e1")),
  createToken: async () => answered(node.createToken(await client(), "e1", { note: "n", scopes: [] })),
  introspectToken: async () => answered(node.introspectToken(await client())),
  identifyToken: async () => answered(node.identifyToken(await client())),
  redact: () => node.redact("text", []),
  importCatalog: () => node.importCatalog("", { base: core.dynamicCatalog, retrieved: "2026-11-28" }),
  readSdk: () => node.readSdk(undefined, root),
  sdkDrift: () =>
    node.sdkDrift(core.dynamicCatalog, node.readSdk(undefined, root), {
      sdk: { name: "x", version: "0" },
      catalog: { name: "x", version: "0" },
      operations: [],
    }),
};

const functions = (module: object): string[] =>
  Object.entries(module)
    // Functions, not the error classes.
    .filter(([k, v]) => typeof v === "function" && /^[a-z]/.test(k))
    .map(([k]) => k)
    .sort();

test.each([
  ["scopewise", core, CORE],
  ["scopewise/node", node, NODE],
] as const)("%s: the table has a row for every exported function", (_name, module, table) => {
  expect(Object.keys(table).sort()).toEqual(functions(module));
});

test.each(Object.entries(CORE))("scopewise: %s with its required arguments only", async (_name, call) => {
  await expect((async () => call())()).resolves.not.toThrow();
});

test.each(Object.entries(NODE))("scopewise/node: %s with its required arguments only", async (_name, call) => {
  await expect((async () => call())()).resolves.not.toThrow();
});
