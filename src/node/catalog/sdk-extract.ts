import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { parse } from "@babel/parser";
import type { DriftOperation } from "../../upkeep/types.js";
import { InputError } from "../../util/errors.js";

/** One operation of `@dynamic-labs/sdk-api`: `Class.method`, its HTTP method and `{param}` path. */
export type ExtractedOperation = DriftOperation;

/** An installed SDK: its name, version, operations, TokenScopes values, and what could not be read. */
export interface SdkTree {
  readonly name: string;
  readonly version: string;
  readonly dir: string;
  readonly operations: readonly ExtractedOperation[];
  readonly tokenScopes: readonly string[];
  readonly problems: readonly string[];
}

type Node = { type?: string; [key: string]: unknown };

// Each generated `xxxRaw` method ends in `this.request({ path: `/a/{id}`.replace(…), method: 'GET', … })`.
const requestCall = (node: Node): boolean => {
  const callee = node["callee"] as Node | undefined;
  const args = node["arguments"] as Node[] | undefined;
  return (
    node.type === "CallExpression" &&
    callee?.type === "MemberExpression" &&
    (callee["object"] as Node).type === "ThisExpression" &&
    (callee["property"] as { name?: string }).name === "request" &&
    args?.[0]?.type === "ObjectExpression"
  );
};

const findRequest = (node: unknown): Node | undefined => {
  if (node === null || typeof node !== "object") return undefined;
  if (requestCall(node as Node)) return ((node as Node)["arguments"] as Node[])[0];
  for (const [key, value] of Object.entries(node)) {
    if (key === "loc" || key === "start" || key === "end") continue;
    const found = Array.isArray(value) ? value.map(findRequest).find(Boolean) : findRequest(value);
    if (found) return found;
  }
  return undefined;
};

const templateOf = (node: Node | undefined): string | undefined => {
  // `…`.replace(…).replace(…): descend to the template literal.
  while (node?.type === "CallExpression" && (node["callee"] as Node).type === "MemberExpression")
    node = (node["callee"] as Node)["object"] as Node;
  const quasis = node?.["quasis"] as { value: { cooked: string } }[] | undefined;
  if (node?.type === "TemplateLiteral" && (node["expressions"] as unknown[]).length === 0)
    return quasis![0]!.value.cooked;
  if (node?.type === "StringLiteral") return node["value"] as string;
  return undefined;
};

const property = (object: Node, name: string): Node | undefined =>
  (object["properties"] as Node[]).find(
    (p) => p.type === "ObjectProperty" && (p["key"] as { name?: string }).name === name,
  )?.["value"] as Node | undefined;

/** Every `Class.operation` of an SDK folder (`src/apis/*Api.js`), sorted by name. */
export const extractOperations = (dir: string): { operations: ExtractedOperation[]; problems: string[] } => {
  const apis = join(dir, "src", "apis");
  const operations: ExtractedOperation[] = [];
  const problems: string[] = [];
  for (const file of readdirSync(apis)
    .filter((f) => f.endsWith("Api.js"))
    .sort()) {
    const ast = parse(readFileSync(join(apis, file), "utf8"), { sourceType: "module" });
    for (const cls of ast.program.body) {
      if (cls.type !== "ClassDeclaration") continue;
      for (const member of cls.body.body) {
        const key = (member as { key?: { name?: unknown } }).key;
        const name = key?.name;
        if (member.type !== "ClassMethod" || typeof name !== "string" || !name.endsWith("Raw")) continue;
        const request = findRequest(member.body);
        const path = request && templateOf(property(request, "path"));
        const method = request && (property(request, "method")?.["value"] as string | undefined);
        const operation = `${cls.id?.name}.${name.slice(0, -"Raw".length)}`;
        if (typeof path !== "string" || typeof method !== "string")
          problems.push(`${file}: ${operation}: no this.request({ path, method })`);
        else operations.push({ operation, method, path });
      }
    }
  }
  operations.sort((a, b) => (a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0));
  return { operations, problems };
};

/** The values of the SDK's `TokenScopes` enum (`src/models/TokenScopes.js`), or none when it has no such file. */
const tokenScopesOf = (dir: string): string[] => {
  const file = join(dir, "src", "models", "TokenScopes.js");
  if (!existsSync(file)) return [];
  return [...readFileSync(file, "utf8").matchAll(/TokenScopes\["\w+"\]\s*=\s*"([^"]+)"/g)].map((m) => m[1]!);
};

/**
 * Reads an installed `@dynamic-labs/sdk-api`: `dir` is its folder (the one with package.json),
 * or undefined to resolve it from `cwd` as the project's own install would.
 */
export const readSdk = (dir: string | undefined, cwd: string): SdkTree => {
  let root: string;
  try {
    root =
      dir !== undefined
        ? resolve(cwd, dir)
        : dirname(createRequire(join(cwd, "noop.js")).resolve("@dynamic-labs/sdk-api/package.json"));
  } catch {
    const message = "@dynamic-labs/sdk-api is not installed here; install it or give --sdk PATH";
    throw new InputError("no-sdk", [{ code: "no-sdk", path: "$", message }]);
  }
  const manifest = join(root, "package.json");
  if (!existsSync(manifest) || !existsSync(join(root, "src", "apis"))) {
    const message = `${root} is not an @dynamic-labs/sdk-api folder (no package.json and src/apis)`;
    throw new InputError("no-sdk", [{ code: "no-sdk", path: "$", message }]);
  }
  const { name, version } = JSON.parse(readFileSync(manifest, "utf8")) as { name: string; version: string };
  const { operations, problems } = extractOperations(root);
  return { name, version, dir: root, operations, tokenScopes: tokenScopesOf(root), problems };
};
