import ts from "typescript";
import type { Occurrence } from "./collector.js";
import type { FileFacts } from "./context.js";
import { classifyUrl, type parseBases, type UrlKind } from "./dynamic-url.js";
import type { Evaluator } from "./evaluator.js";
import { enclosingFunction, nameOf, short, staticName, valueParent, type AnyCall } from "./syntax.js";
import { CUTS_TEXT } from "./string-rewrites.js";
import type { Values } from "./value.js";

export const URL_KEYS = ["url", "path", "uri", "endpoint", "href"];
const ABSOLUTE = /^(?:https?:|[\\/]{2})/i;
const BASE_KEYS = new Set(["baseURL", "prefixUrl", "baseUrl", "prefix", "basePath"]);
// String-to-string methods a URL passes through on its way to a request (what they do: string-calls.ts).
const STRING_METHODS = new Set([
  ...["toString", "trim", "trimEnd", "trimStart", "concat", "replace", "replaceAll", "normalize", "valueOf"],
  ...["toLowerCase", "toUpperCase", "toLocaleLowerCase", "toLocaleUpperCase"],
  ...CUTS_TEXT,
]);

/** Where a URL value ends up once what keeps it a URL is climbed. */
export type Context =
  /** Handed to a call: a request, a helper, or something the scan cannot follow. */
  | { readonly kind: "arg"; readonly call: AnyCall }
  /** The `url` (or `path`, …) of an object: a request config. */
  | { readonly kind: "config"; readonly object: ts.ObjectLiteralExpression }
  /** Stored: a constant, a property, a field, a function's result. Its uses decide. */
  | { readonly kind: "definition"; readonly decl: ts.Node; readonly name: string }
  /** Somewhere the scan cannot follow (an array element, a spread). */
  | { readonly kind: "stray"; readonly why: string }
  /** A client's base URL option (`baseURL:`, `basePath:`, `axios.defaults.baseURL =`): its requests use it. */
  | { readonly kind: "base-option" }
  /** Nowhere it could be sent from: compared, tested, logged. */
  | { readonly kind: "none" };

const isOneOf = (kind: ts.SyntaxKind, ...kinds: ts.SyntaxKind[]): boolean => kinds.includes(kind);

/** Climbs from a URL value through what keeps it a URL: `a ?? b`, `String(u)`, `u.trim()`, `new URL(u)`, `.join`. */
export const climb = (start: ts.Expression): ts.Expression => {
  let node = start;
  for (let i = 0; i < 64; i++) {
    const { parent, child } = valueParent(node);
    const callee = (n: ts.Node): string | undefined =>
      (ts.isCallExpression(n) || ts.isNewExpression(n)) && ts.isIdentifier(n.expression)
        ? n.expression.text
        : undefined;
    if (ts.isConditionalExpression(parent) && parent.condition !== child) node = parent;
    else if (
      ts.isBinaryExpression(parent) &&
      (isOneOf(parent.operatorToken.kind, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken) ||
        (parent.operatorToken.kind === ts.SyntaxKind.CommaToken && parent.right === child))
    )
      node = parent;
    else if (
      (callee(parent) === "String" || callee(parent) === "encodeURI") &&
      (parent as ts.CallExpression).arguments[0] === child
    )
      node = parent as ts.Expression;
    else if (ts.isNewExpression(parent) && callee(parent) === "URL") node = parent;
    else if (ts.isPropertyAccessExpression(parent) && parent.expression === child && parent.name.text === "href")
      node = parent;
    else if (
      ts.isPropertyAccessExpression(parent) &&
      parent.expression === child &&
      STRING_METHODS.has(parent.name.text) &&
      ts.isCallExpression(parent.parent) &&
      parent.parent.expression === parent
    )
      node = parent.parent;
    else if (
      ts.isArrayLiteralExpression(parent) &&
      ts.isPropertyAccessExpression(parent.parent) &&
      parent.parent.name.text === "join" &&
      ts.isCallExpression(parent.parent.parent)
    )
      node = parent.parent.parent;
    else return node;
  }
  return node;
};

/** Where a climbed URL value ends up. */
export const contextOf = (ev: Evaluator, node: ts.Expression): Context => {
  const { parent, child } = valueParent(node);
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(child as ts.Expression))
    return { kind: "arg", call: parent };
  if (ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent)) {
    const key = staticName(parent.name) ?? "";
    if (BASE_KEYS.has(key)) return { kind: "base-option" };
    if (URL_KEYS.includes(key) && ts.isObjectLiteralExpression(parent.parent))
      return { kind: "config", object: parent.parent };
    return { kind: "definition", decl: parent, name: key };
  }
  if (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isParameter(parent))
    return { kind: "definition", decl: parent, name: nameOf(parent.name) };
  if (ts.isExportAssignment(parent)) return { kind: "definition", decl: parent, name: "default" };
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = parent.left;
    if (ts.isPropertyAccessExpression(left) && BASE_KEYS.has(left.name.text)) return { kind: "base-option" };
    const decl = ev.declarationOf(left);
    return decl === undefined
      ? { kind: "stray", why: `assigned to ${short(parent.left)}` }
      : { kind: "definition", decl, name: nameOf(parent.left) };
  }
  if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === child)) {
    const fn = ts.isArrowFunction(parent) ? parent : enclosingFunction(parent);
    const name = `${fn?.name === undefined ? "a function" : nameOf(fn.name)}()'s result`;
    return fn === undefined ? { kind: "none" } : { kind: "definition", decl: fn, name };
  }
  if (ts.isArrayLiteralExpression(parent)) {
    // An element of a stored array: a URL joined from the array accounts for it.
    const holder = valueParent(parent).parent;
    return ts.isVariableDeclaration(holder) && holder.initializer !== undefined
      ? { kind: "definition", decl: holder, name: `an element of ${nameOf(holder.name)}` }
      : { kind: "stray", why: "an element of an array" };
  }
  if (ts.isSpreadElement(parent) || ts.isYieldExpression(parent)) return { kind: "stray", why: "passed on" };
  return { kind: "none" };
};

/**
 * The Dynamic URL values of the scanned files: every outermost string expression and every name in a
 * value position, climbed to where it ends up and read across modules. Each climbed expression once.
 * Base URLs seen say the project talks to Dynamic (`onBase`).
 */
export const findOccurrences = (
  ev: Evaluator,
  f: FileFacts,
  bases: ReturnType<typeof parseBases>,
  into: Map<ts.Expression, Occurrence>,
  onBase: () => void,
): void => {
  const visit = (start: ts.Expression): void => {
    const node = climb(start);
    if (into.has(node)) return;
    const values = ev.evaluate(node);
    if (values === undefined) return;
    // A base path alone (`"/api/v0"`) is not distinctive; a base URL with Dynamic's host (or /api/v0 on a host) is.
    const kinds = classify(values, bases).map((k, i): UrlKind =>
      k.kind === "base" && !ABSOLUTE.test((values[i] as Values[number]).text.trim()) ? { kind: "none" } : k,
    );
    if (kinds.some((k) => k.kind === "base")) onBase();
    if (kinds.some((k) => k.kind !== "none")) into.set(node, { node, at: start, values, kinds });
  };
  for (const root of f.stringRoots) visit(root);
  for (const ref of f.valueRefs) visit(ref);
};

export const classify = (values: Values, bases: ReturnType<typeof parseBases>): UrlKind[] =>
  values.map((v) => classifyUrl(v.text, bases));
