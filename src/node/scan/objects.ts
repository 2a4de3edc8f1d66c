import ts from "typescript";
import type { Evaluator } from "./evaluator.js";
import { MAX_INLINE_DEPTH, MAX_VALUE_DEPTH } from "./limits.js";
import { nameOf, short, skipOuter, staticName } from "./syntax.js";
import type { UnclassifiedCode } from "./types.js";
import { hasHole, members, showHoles, type Env } from "./value.js";

/** An object literal seen whole, or why it cannot be, and the parameters it would come from. */
export type ObjectFound =
  | { readonly object: ts.ObjectLiteralExpression; readonly env: Env | undefined }
  | { readonly unknown: string; readonly params?: readonly ts.ParameterDeclaration[] };

/** The HTTP methods a request sends, or why they cannot be told (`code`: a more telling kind than unknown-method). */
export type MethodResult =
  | { readonly methods: readonly string[]; readonly bound: boolean }
  | {
      readonly unknown: string;
      readonly params: readonly ts.ParameterDeclaration[];
      readonly bound?: boolean;
      readonly code?: UnclassifiedCode;
    };

/** Where a request takes its method from. */
export type MethodSource =
  | { readonly fixed: string }
  /** An options object (`fetch(url, { method })`); `fallback` when it has none (undefined: unknown). */
  | { readonly options: number; readonly fallback: string | undefined }
  /** A method string argument (`xhr.open("POST", url)`). */
  | { readonly arg: number };

/** What a request sends when its options name no method: a method, a client's default, or nothing known. */
export type Fallback = string | MethodResult | undefined;
const asResult = (f: Fallback): MethodResult | undefined =>
  typeof f === "string" ? { methods: [f], bound: false } : f;

const HTTP_TOKEN = /^[A-Za-z][A-Za-z-]*$/;
const NO_METHOD = "no method given";

/**
 * The object literal an options expression stands for, seen whole: an inline literal, a bound argument,
 * or a variable the program never reassigns, changes or hands to code that may change it. Otherwise why
 * not, and which parameter.
 */
export const objectLiteral = (ev: Evaluator, expr: ts.Expression, env: Env | undefined, depth = 0): ObjectFound => {
  const e = skipOuter(expr);
  if (ts.isObjectLiteralExpression(e)) return { object: e, env };
  if (depth > MAX_VALUE_DEPTH || !ev.spend()) return { unknown: "too deep to follow" };
  if (ts.isCallExpression(e) && e.expression.getText() === "Object.freeze" && e.arguments[0] !== undefined)
    return objectLiteral(ev, e.arguments[0], env, depth + 1);
  if (!ts.isIdentifier(e)) return { unknown: `${short(e)} is not an object literal` };
  const decl = ev.declarationOf(e);
  if (decl !== undefined && ts.isParameter(decl)) {
    for (let en = env; en !== undefined; en = en.caller) {
      if (en.fn !== decl.parent) continue;
      const arg = en.args[decl.parent.parameters.indexOf(decl)];
      if (arg !== undefined) return objectLiteral(ev, arg, en.caller, depth + 1);
      return decl.initializer
        ? objectLiteral(ev, decl.initializer, en, depth + 1)
        : { unknown: `${e.text} is not given` };
    }
    return { unknown: `${e.text} is a parameter`, params: [decl] };
  }
  if (decl !== undefined && ts.isVariableDeclaration(decl) && decl.initializer !== undefined) {
    const why = ev.stability.objectChanged(decl);
    if (why === undefined) return objectLiteral(ev, decl.initializer, ev.envFor(decl, env), depth + 1);
    return { unknown: why };
  }
  return { unknown: `${e.text} is not an object literal in sight` };
};

/** The HTTP methods an expression can hold (`"post"`, a const, `a ? "PUT" : "POST"`), or why not. */
export const methodsOf = (ev: Evaluator, expr: ts.Expression, env: Env | undefined): MethodResult => {
  const values = ev.evaluate(expr, env, true);
  if (values === undefined)
    return { unknown: `the method ${nameOf(expr)} is not a string scopewise can read`, params: [] };
  const params = values.flatMap((v) => [...members(v.params)]);
  const out = new Set<string>();
  for (const v of values) {
    if (v.unknown !== undefined) return { unknown: v.unknown.why, params, code: v.unknown.code };
    const from = [...members(v.params)];
    if (from.length > 0)
      return { unknown: `the method comes from parameter ${from.map((p) => nameOf(p.name)).join(", ")}`, params };
    if (v.cut || !HTTP_TOKEN.test(v.text))
      return {
        unknown: hasHole(v.text)
          ? `the method comes from ${showHoles(v.text)}, known only at run time`
          : `${JSON.stringify(v.text)} is not an HTTP method`,
        params,
      };
    out.add(v.text.toUpperCase());
  }
  return { methods: [...out].sort(), bound: values.some((v) => v.bound) };
};

/**
 * The method an options object sends, as the runtime reads it: the last `method` wins; a spread after it
 * that may set one (anything not seen whole) or a computed key makes it unknown, never the earlier literal;
 * so does a `__proto__:` key when no own `method` is set (fetch reads inherited members).
 */
export const methodOfOptions = (
  ev: Evaluator,
  expr: ts.Expression,
  env: Env | undefined,
  fallback: Fallback,
  depth = 0,
): MethodResult => {
  const found = objectLiteral(ev, expr, env);
  if ("unknown" in found)
    return { unknown: `the request options are not seen whole: ${found.unknown}`, params: [...(found.params ?? [])] };
  const bound = found.env !== env;
  let state: MethodResult | undefined;
  let prototype: string | undefined;
  for (const p of found.object.properties) {
    if (ts.isSpreadAssignment(p)) {
      if (depth > MAX_INLINE_DEPTH) return { unknown: "options spread too deep to follow", params: [] };
      const inner = methodOfOptions(ev, p.expression, found.env, undefined, depth + 1);
      if ("unknown" in inner && inner.unknown === NO_METHOD) continue;
      const spread = `a spread (...${short(p.expression)}) may set the method`;
      state = !("unknown" in inner)
        ? inner
        : inner.unknown.startsWith("a spread")
          ? inner
          : { ...inner, unknown: `${spread}: ${inner.unknown}` };
      continue;
    }
    const name = p.name === undefined ? undefined : staticName(p.name);
    if (name === undefined) state = { unknown: "a computed property name may be method", params: [] };
    else if (name === "__proto__" && ts.isPropertyAssignment(p))
      prototype = `its prototype (__proto__: ${short(p.initializer)}) may carry a method`;
    else if (name !== "method") continue;
    else if (ts.isPropertyAssignment(p)) state = methodsOf(ev, p.initializer, found.env);
    else if (ts.isShorthandPropertyAssignment(p)) state = methodsOf(ev, p.name, found.env);
    else state = { unknown: "method is a getter or function", params: [] };
  }
  if (state === undefined && prototype !== undefined) return { unknown: prototype, params: [] };
  if (state === undefined) {
    const f = asResult(fallback);
    return f === undefined ? { unknown: NO_METHOD, params: [] } : { ...f, bound: f.bound === true || bound };
  }
  return "methods" in state ? { ...state, bound: state.bound || bound } : { ...state, bound };
};

/**
 * The method of a request call, from where its shape says it is; `fallback` (a client's default method)
 * replaces the shape's own when the request names none.
 */
export const methodFrom = (
  ev: Evaluator,
  source: MethodSource,
  args: readonly ts.Expression[],
  env: Env | undefined,
  fallback?: MethodResult,
): MethodResult => {
  if ("fixed" in source) return { methods: [source.fixed], bound: false };
  if ("arg" in source) {
    const a = args[source.arg];
    return a === undefined ? { unknown: NO_METHOD, params: [] } : methodsOf(ev, a, env);
  }
  const options = args[source.options];
  const f = fallback ?? source.fallback;
  if (options !== undefined) return methodOfOptions(ev, options, env, f);
  return asResult(f) ?? { unknown: NO_METHOD, params: [] };
};
