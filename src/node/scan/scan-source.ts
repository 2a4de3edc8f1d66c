import { dynamicCatalog } from "../../catalog/dynamic-catalog.js";
import { requiredScopesIn } from "../../matcher/required-scopes.js";
import type { CallInput } from "../../matcher/read-call.js";
import { parse, type ParserPlugin } from "@babel/parser";
import type { Node } from "@babel/types";
import type { MatchResult } from "../../matcher/result.js";
import { sdkOperations, type SdkOperation } from "../../sources/sdk-operations.js";
import type { SourceLocation, SourceProblem } from "../../sources/types.js";
import { collectBindings, constructedClass, receiverKey, type Bindings } from "./bindings.js";
import { catalogMethods, classifyUrl } from "./classify-url.js";
import { isUrlProperty, methodOf, methodOfObject, type MethodContext } from "./http-method.js";
import { literalText } from "./literal-text.js";
import { walk } from "./walk.js";

/** What the scanner needs from a catalog. */
export interface ScanOptions {
  /** Dynamic's base URLs by default. */
  readonly baseUrls?: readonly string[];
  /** Tells catalog paths from other strings (pass a calculator's `requiredScopes`); Dynamic's by default. */
  readonly requiredScopes?: (call: CallInput) => MatchResult;
}

/** A Dynamic API call found in source code, or a place that looks like one but could not be classified. */
export type ScanFinding =
  | {
      readonly kind: "call";
      readonly via: "sdk" | "url";
      readonly source: SourceLocation;
      readonly text: string;
      readonly call: { readonly method: string; readonly path: string };
    }
  | { readonly kind: "unclassified"; readonly source: SourceLocation; readonly text: string; readonly reason: string };

/** Findings of one file, and why it could not be read if so. */
export interface ScanResult {
  readonly findings: ScanFinding[];
  readonly problems: SourceProblem[];
}

const pluginsFor = (file: string): ParserPlugin[] => {
  if (/\.(ts|mts|cts)$/i.test(file)) return ["typescript", "decorators-legacy"];
  if (/\.tsx$/i.test(file)) return ["typescript", "jsx", "decorators-legacy"];
  return ["jsx"];
};

let byMethodName: Map<string, SdkOperation[]> | undefined;
/** Operations by method name (`getUser`); `…Raw` twins share their operation. */
const operationsNamed = (name: string): readonly SdkOperation[] => {
  if (byMethodName === undefined) {
    byMethodName = new Map();
    for (const op of sdkOperations()) {
      const method = op.operation.slice(op.operation.indexOf(".") + 1);
      byMethodName.set(method, [...(byMethodName.get(method) ?? []), op]);
    }
  }
  return byMethodName.get(name.replace(/Raw$/, "")) ?? [];
};

// Strings in these places are names, not URLs.
const NOT_A_VALUE = new Set(
  (
    "ImportDeclaration ExportNamedDeclaration ExportAllDeclaration TSLiteralType JSXAttribute " +
    "TSExternalModuleReference TaggedTemplateExpression ImportExpression"
  ).split(" "),
);
const isKey = (node: Node, parent: Node | undefined): boolean =>
  (parent?.type === "ObjectProperty" ||
    parent?.type === "ClassProperty" ||
    parent?.type === "ObjectMethod" ||
    parent?.type === "ClassMethod" ||
    parent?.type === "TSPropertySignature") &&
  parent.key === node;

const sdkFinding = (node: Node, b: Bindings, at: (n: Node) => SourceLocation): ScanFinding | undefined => {
  if (
    (node.type !== "CallExpression" && node.type !== "OptionalCallExpression") ||
    (node.callee.type !== "MemberExpression" && node.callee.type !== "OptionalMemberExpression")
  )
    return undefined;
  const { object, property } = node.callee;
  if (property.type !== "Identifier" || node.callee.computed) return undefined;
  const ops = operationsNamed(property.name);
  if (ops.length === 0) return undefined;
  const cls = b.clients.get(receiverKey(object) ?? "") ?? constructedClass(object, b.sdkNames);
  if (cls === undefined && !b.importsSdk) return undefined;
  const text = `${receiverKey(object) ?? "…"}.${property.name}(…)`;
  const source = at(property);
  const op =
    cls === undefined ? (ops.length === 1 ? ops[0] : undefined) : ops.find((o) => o.operation.startsWith(`${cls}.`));
  if (op === undefined) {
    const reason =
      cls === undefined
        ? `the receiver's class is unknown and ${ops.map((o) => o.operation).join(", ")} all have this name`
        : `${cls} has no operation ${property.name}; ${ops.map((o) => o.operation).join(", ")} do`;
    return { kind: "unclassified", source, text, reason };
  }
  return {
    kind: "call",
    via: "sdk",
    source: { ...source, operation: op.operation },
    text,
    call: { method: op.method, path: op.path },
  };
};

// Calls that keep a URL a URL: `…`.replace(…), url.trim(), String(url), encodeURI(url).
const STRING_METHODS = new Set(["replace", "replaceAll", "concat", "trim", "toString"]);
const WRAPPERS = new Set(["String", "encodeURI"]);

/** Climbs from a URL expression through wrappers that keep it a URL, to the expression a request receives. */
const climb = (node: Node, ancestors: readonly Node[]): { node: Node; ancestors: readonly Node[] } => {
  const parent = ancestors.at(-1);
  const grand = ancestors.at(-2);
  if (
    parent?.type === "TSAsExpression" ||
    parent?.type === "TSNonNullExpression" ||
    parent?.type === "ParenthesizedExpression"
  )
    return climb(parent, ancestors.slice(0, -1));
  if (
    parent?.type === "MemberExpression" &&
    parent.object === node &&
    parent.property.type === "Identifier" &&
    STRING_METHODS.has(parent.property.name) &&
    grand?.type === "CallExpression" &&
    grand.callee === parent
  ) {
    return climb(grand, ancestors.slice(0, -2));
  }
  if (
    parent?.type === "CallExpression" &&
    parent.arguments[0] === node &&
    parent.callee.type === "Identifier" &&
    WRAPPERS.has(parent.callee.name)
  )
    return climb(parent, ancestors.slice(0, -1));
  return { node, ancestors };
};

/** The methods a URL expression is sent with: its own call, its object, or the calls its variable is passed to. */
const methodsFor = (
  start: Node,
  startAncestors: readonly Node[],
  uses: ReadonlyMap<string, Node[]>,
): MethodContext[] => {
  const { node, ancestors } = climb(start, startAncestors);
  const parent = ancestors.at(-1);
  const direct = methodOf(node, parent);
  if (direct.kind !== "none") return [direct];
  if (isUrlProperty(node, parent)) {
    const fromObject = methodOfObject(ancestors.at(-2) as Node);
    if (fromObject.kind !== "none") return [fromObject];
  }
  if (parent?.type === "VariableDeclarator" && parent.init === node && parent.id.type === "Identifier") {
    const name = parent.id.name;
    return (uses.get(name) ?? [])
      .map((call) => methodOf((call as { arguments: Node[] }).arguments[0] as Node, call))
      .filter((m) => m.kind !== "none");
  }
  return [];
};

/** Finds Dynamic API calls in one JS/TS file: SDK method calls and URL literals, each with line and column. */
export const scanSource = (code: string, file: string, given: ScanOptions = {}): ScanResult => {
  const options = {
    baseUrls: given.baseUrls ?? dynamicCatalog.baseUrls,
    requiredScopes: given.requiredScopes ?? ((call: CallInput) => requiredScopesIn(dynamicCatalog, call)),
  };
  let ast: Node;
  try {
    ast = parse(code, { sourceType: "unambiguous", plugins: pluginsFor(file), errorRecovery: true }) as unknown as Node;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    return {
      findings: [],
      problems: [
        {
          source: { file, ...(loc ? { line: loc.line, column: loc.column + 1 } : {}) },
          code: "parse-error",
          message: `cannot parse: ${(error as Error).message}`,
        },
      ],
    };
  }
  const problems: SourceProblem[] = (
    (ast as unknown as { errors?: { loc?: { line: number; column: number }; message: string }[] }).errors ?? []
  ).map((e) => ({
    source: { file, ...(e.loc ? { line: e.loc.line, column: e.loc.column + 1 } : {}) },
    code: "parse-error",
    message: `parsed with errors: ${e.message}`,
  }));
  const at = (n: Node): SourceLocation => ({
    file,
    line: n.loc?.start.line ?? 0,
    column: (n.loc?.start.column ?? 0) + 1,
  });
  const b = collectBindings(ast);
  const known = (path: string) => {
    const r = options.requiredScopes({ method: "GET", path });
    return r.status === "matched" || r.status === "method-not-allowed";
  };
  const uses = new Map<string, Node[]>();
  const consumed = new Set<Node>();
  const inlined = new Set<string>();
  const candidates: { node: Node; ancestors: Node[]; text: string }[] = [];
  const findings: ScanFinding[] = [];
  walk(ast, (node, ancestors) => {
    const sdk = sdkFinding(node, b, at);
    if (sdk) findings.push(sdk);
    if ((node.type === "CallExpression" || node.type === "NewExpression") && node.arguments[0]?.type === "Identifier") {
      uses.set(node.arguments[0].name, [...(uses.get(node.arguments[0].name) ?? []), node]);
    }
    if (
      consumed.has(node) ||
      (node.type !== "StringLiteral" && node.type !== "TemplateLiteral" && node.type !== "BinaryExpression")
    )
      return;
    const parent = ancestors.at(-1);
    if ((parent && NOT_A_VALUE.has(parent.type)) || isKey(node, parent)) return;
    const lt = literalText(node, b.constants);
    if (!lt) return;
    lt.parts.forEach((p) => consumed.add(p));
    lt.inlined.forEach((name) => inlined.add(name));
    candidates.push({ node, ancestors: [...ancestors], text: lt.text });
  });
  // `const base = \`${BASE}/environments/${id}\``, only ever built into other URLs, is not a call of its own.
  const buildingBlock = (c: (typeof candidates)[number]): boolean => {
    const parent = c.ancestors.at(-1);
    return (
      parent?.type === "VariableDeclarator" &&
      parent.id.type === "Identifier" &&
      inlined.has(parent.id.name) &&
      !uses.has(parent.id.name)
    );
  };
  // A bare catalog path counts in a file that is about Dynamic, or when it is under /environments.
  const dynamicFile =
    b.importsSdk || candidates.some((c) => classifyUrl(c.text, options.baseUrls, () => false)?.definite);
  for (const c of candidates) {
    if (buildingBlock(c)) continue;
    const url = classifyUrl(c.text, options.baseUrls, known);
    // A bare base URL (`const BASE = "https://app.dynamicauth.com/api/v0"`) names no endpoint.
    if (!url || url.path === "/" || (!url.definite && !dynamicFile && !url.path.startsWith("/environments/"))) continue;
    const methods = methodsFor(c.node, c.ancestors, uses);
    const source = at(c.node);
    if (methods.length === 0) {
      const has = catalogMethods(url.path, options.requiredScopes);
      findings.push({
        kind: "unclassified",
        source,
        text: c.text,
        reason:
          "no request in this file sends it, so its method is unknown" +
          (has.length > 0 ? `; the catalog has ${has.join(", ")} for this path` : ""),
      });
    }
    const seen = new Set<string>();
    for (const m of methods) {
      if (m.kind === "unknown")
        findings.push({
          kind: "unclassified",
          source,
          text: c.text,
          reason: `cannot tell the HTTP method: ${m.reason}`,
        });
      else if (m.kind === "method" && !seen.has(m.method)) {
        seen.add(m.method);
        findings.push({ kind: "call", via: "url", source, text: c.text, call: { method: m.method, path: url.path } });
      }
    }
  }
  const order = (f: ScanFinding) => (f.source.line ?? 0) * 1e6 + (f.source.column ?? 0);
  return { findings: findings.sort((x, y) => order(x) - order(y)), problems };
};
