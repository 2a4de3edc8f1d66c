import ts from "typescript";
import type { Evaluator } from "./evaluator.js";
import { CUTS_TEXT, cutCall, replaceCall } from "./string-rewrites.js";
import { MAX_INLINE_DEPTH } from "./limits.js";
import { nameOf, returnedExpression, skipOuter, type AnyCall } from "./syntax.js";
import { concat, hasHole, hole, literal, markUnknown, resolveUrl, withRef, type Env, type Values } from "./value.js";

const KEEPS_TEXT = new Set(["toString", "trim", "trimEnd", "trimStart", "valueOf", "normalize"]);
// Case changes apply to what is known; a run-time part keeps its name.
const CASE: Record<string, (s: string) => string> = {
  toLowerCase: (s) => s.toLowerCase(),
  toLocaleLowerCase: (s) => s.toLowerCase(),
  toUpperCase: (s) => s.toUpperCase(),
  toLocaleUpperCase: (s) => s.toUpperCase(),
};
const HOLE_RUN = /([\uE000\uE002][^\uE001]*\uE001)/;

/** Elements to join, and where to read them. */
interface Elements {
  readonly elements: readonly ts.Expression[];
  readonly env: Env | undefined;
  /** The `const` the array was read from: a URL joined from it accounts for its elements. */
  readonly from?: ts.Node;
  /** Why the array may not hold these elements when it is joined (it is changed after it is made). */
  readonly changed?: string;
}

/** `[BASE, "environments", id].join("/")`, `parts.join("/")`. */
const join = (ev: Evaluator, array: Elements, sep: Values, depth: number): Values => {
  const parts: Values[] = [];
  array.elements.forEach((el, i) => {
    if (i > 0) parts.push(sep);
    parts.push(ev.at(el, array.env, depth + 1) ?? [hole(nameOf(el))]);
  });
  return concat(parts);
};

// Path joiners: `path.join(BASE, "environments", id)`, url-join, ufo's joinURL: one `/` between parts.
const JOINERS = new Set(["path.join", "path.posix.join", "posix.join", "urlJoin", "urljoin", "joinURL"]);
const oneSlash = (values: Values): Values =>
  values.map((v) => ({ ...v, text: v.text.replace(/([^:/])\/{2,}/g, "$1/") }));

/**
 * An array's elements: a literal (without spreads), a variable holding one that the program never changes
 * (`parts.push(…)` is a change), or a rest parameter of an inlined helper (`(...parts) => parts.join("/")`).
 */
const arrayElements = (ev: Evaluator, expr: ts.Expression, env: Env | undefined): Elements | undefined => {
  const e = skipOuter(expr);
  const literalElements = (a: ts.Expression, at: Env | undefined): Elements | undefined =>
    ts.isArrayLiteralExpression(a) && !a.elements.some(ts.isSpreadElement)
      ? { elements: a.elements, env: at }
      : undefined;
  if (ts.isArrayLiteralExpression(e)) return literalElements(e, env);
  if (!ts.isIdentifier(e)) return undefined;
  const decl = ev.declarationOf(e);
  if (decl !== undefined && ts.isParameter(decl) && decl.dotDotDotToken !== undefined) {
    const fn = decl.parent;
    for (let en = env; en !== undefined; en = en.caller)
      if (en.fn === fn) return { elements: en.args.slice(fn.parameters.indexOf(decl)), env: en.caller };
    return undefined;
  }
  if (decl === undefined || !ts.isVariableDeclaration(decl) || decl.initializer === undefined) return undefined;
  const changed = ev.stability.objectChanged(decl);
  const found = literalElements(skipOuter(decl.initializer), ev.envFor(decl, env));
  return found && { ...found, from: decl, ...(changed === undefined ? {} : { changed }) };
};

/** A small helper that returns a string (`endpoints.users(env)`): what it returns for these arguments. */
const helperResult = (ev: Evaluator, e: AnyCall, env: Env | undefined, depth: number): Values | undefined => {
  const callee = skipOuter(e.expression);
  const fn = ev.functionAt(callee);
  const replaced = fn === undefined ? ev.replaced(callee) : undefined;
  if (replaced !== undefined) return [{ ...hole(nameOf(callee)), unknown: { code: "reassigned", why: replaced } }];
  const returned = fn === undefined ? undefined : returnedExpression(fn);
  if (fn === undefined || returned === undefined) return undefined;
  const calleeEnv: Env = { fn, args: e.arguments ?? [], caller: env, depth: (env?.depth ?? 0) + 1 };
  if (calleeEnv.depth > MAX_INLINE_DEPTH || ev.active.has(fn)) return [hole(nameOf(callee), true)];
  ev.active.add(fn);
  try {
    const v = ev.at(returned, calleeEnv, depth + 1);
    return v === undefined ? undefined : withRef(withRef(v, fn), e);
  } finally {
    ev.active.delete(fn);
  }
};

/**
 * The text a call produces when it builds a string: `new URL(path, base)`, `String(x)`, `encodeURI`,
 * `encodeURIComponent` (applied when its argument is known), `.trim()`, `.concat()`, `.replace()`,
 * `[…].join(sep)`, or a helper that returns one. Undefined when the call is not one of those.
 */
export const evaluateCall = (ev: Evaluator, e: AnyCall, env: Env | undefined, depth: number): Values | undefined => {
  const args = e.arguments ?? [];
  const callee = skipOuter(e.expression);
  const name = ts.isIdentifier(callee) ? callee.text : undefined;
  const first = args[0];
  if (ts.isNewExpression(e)) {
    if (name !== "URL" || first === undefined) return undefined;
    const path = ev.at(first, env, depth + 1);
    if (args[1] === undefined || path === undefined) return path;
    return resolveUrl(ev.at(args[1], env, depth + 1) ?? [hole(nameOf(args[1]))], path);
  }
  if ((name === "String" || name === "encodeURI") && first !== undefined) return ev.at(first, env, depth + 1);
  if (args.length > 0 && JOINERS.has(callee.getText()))
    return withRef(oneSlash(join(ev, { elements: args, env }, [literal("/")], depth)), e);
  if (name === "encodeURIComponent" && first !== undefined) {
    const v = ev.at(first, env, depth + 1);
    return v?.every((x) => !hasHole(x.text))
      ? v.map((x) => ({ ...x, text: encodeURIComponent(x.text) }))
      : [hole(nameOf(first))];
  }
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    const receiver = callee.expression;
    if (KEEPS_TEXT.has(method)) return ev.at(receiver, env, depth + 1);
    const change = CASE[method];
    if (change !== undefined) {
      const base = ev.at(receiver, env, depth + 1);
      const apply = (text: string) =>
        text
          .split(HOLE_RUN)
          .map((part) => (HOLE_RUN.test(part) ? part : change(part)))
          .join("");
      return base?.map((v) => ({ ...v, text: apply(v.text) }));
    }
    if (CUTS_TEXT.has(method) && ts.isCallExpression(e)) return cutCall(ev, e, method, receiver, env, depth);
    if (method === "concat") {
      const base = ev.at(receiver, env, depth + 1);
      return base === undefined
        ? undefined
        : concat([base, ...args.map((a) => ev.at(a, env, depth + 1) ?? [hole(nameOf(a))])]);
    }
    if ((method === "replace" || method === "replaceAll") && ts.isCallExpression(e))
      return replaceCall(ev, e, receiver, method === "replaceAll", env, depth);
    const array = method === "join" ? arrayElements(ev, receiver, env) : undefined;
    const sep = first === undefined ? [literal(",")] : (ev.at(first, env, depth + 1) ?? [hole("separator")]);
    if (array !== undefined) {
      const whole = join(ev, array, sep, depth);
      const joined = withRef(
        array.changed === undefined ? whole : markUnknown(whole, { code: "reassigned", why: array.changed }),
        e,
      );
      return array.from === undefined ? joined : withRef(joined, array.from);
    }
  }
  return helperResult(ev, e, env, depth);
};
