// Reads the operations of the installed @dynamic-labs/sdk-api and maps each to the catalog.
// Used by scripts/write-sdk-operations.mjs and by the test that keeps the committed mapping honest.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parse } from "@babel/parser";

const require = createRequire(import.meta.url);

/** The installed SDK's folder and version. */
export const sdkPackage = () => {
  const manifest = require.resolve("@dynamic-labs/sdk-api/package.json");
  const { name, version } = JSON.parse(readFileSync(manifest, "utf8"));
  return { name, version, dir: dirname(manifest) };
};

// Each generated `xxxRaw` method ends in `this.request({ path: `/a/{id}`.replace(…), method: 'GET', … })`;
// the template's text is the path with `{name}` params, the literal is the method.
const requestCall = (node) =>
  node?.type === "CallExpression" &&
  node.callee.type === "MemberExpression" &&
  node.callee.object.type === "ThisExpression" &&
  node.callee.property.name === "request" &&
  node.arguments[0]?.type === "ObjectExpression";

const findRequest = (node) => {
  if (node === null || typeof node !== "object") return undefined;
  if (requestCall(node)) return node.arguments[0];
  for (const key of Object.keys(node)) {
    if (key === "loc" || key === "start" || key === "end") continue;
    const found = Array.isArray(node[key]) ? node[key].map(findRequest).find(Boolean) : findRequest(node[key]);
    if (found) return found;
  }
  return undefined;
};

const templateOf = (node) => {
  // `…`.replace(…).replace(…): descend to the template literal.
  while (node?.type === "CallExpression" && node.callee.type === "MemberExpression") node = node.callee.object;
  if (node?.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0].value.cooked;
  if (node?.type === "StringLiteral") return node.value;
  return undefined;
};

const property = (object, name) =>
  object.properties.find((p) => p.type === "ObjectProperty" && p.key.name === name)?.value;

/** Every `Class.operation` with its HTTP method and `{param}` path, from the SDK's compiled ES modules. */
export const extractOperations = (dir) => {
  const apis = join(dir, "src", "apis");
  const operations = [];
  const problems = [];
  for (const file of readdirSync(apis)
    .filter((f) => f.endsWith("Api.js"))
    .sort()) {
    const ast = parse(readFileSync(join(apis, file), "utf8"), { sourceType: "module" });
    for (const cls of ast.program.body.filter((n) => n.type === "ClassDeclaration")) {
      for (const member of cls.body.body) {
        const name = member.key?.name;
        if (member.type !== "ClassMethod" || typeof name !== "string" || !name.endsWith("Raw")) continue;
        const request = findRequest(member.body);
        const path = request && templateOf(property(request, "path"));
        const method = request && property(request, "method")?.value;
        const operation = `${cls.id.name}.${name.slice(0, -"Raw".length)}`;
        if (typeof path !== "string" || typeof method !== "string")
          problems.push(`${file}: ${operation}: no this.request({ path, method })`);
        else operations.push({ operation, method, path });
      }
    }
  }
  return {
    operations: operations.sort((a, b) => (a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0)),
    problems,
  };
};

/**
 * The committed mapping: each operation with the catalog endpoint and scopes it matches, or
 * `documented: false` (and why) when the catalog has no scope for it. Never guesses.
 */
export const buildMapping = ({ requiredScopes, catalog }) => {
  const sdk = sdkPackage();
  const { operations, problems } = extractOperations(sdk.dir);
  if (problems.length > 0) throw new Error(`cannot read ${sdk.name}:\n${problems.join("\n")}`);
  return {
    sdk: { name: sdk.name, version: sdk.version },
    catalog: { name: catalog.name, version: catalog.version },
    operations: operations.map(({ operation, method, path }) => {
      const r = requiredScopes({ method, path });
      return r.status === "matched"
        ? { operation, method, path, documented: true, endpoint: r.endpoint.path, anyOf: r.anyOf }
        : { operation, method, path, documented: false, status: r.status };
    }),
  };
};
