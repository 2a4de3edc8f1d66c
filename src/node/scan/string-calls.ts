import ts from "typescript";
import type { Evaluator } from "./evaluator.js";
import { MAX_ALTERNATIVES, MAX_INLINE_DEPTH } from "./limits.js";
import { functionOf, nameOf, returnedExpression, skipOuter, type AnyCall } from "./syntax.js";
import {
  concat,
  hasHole,
  hole,
  join2,
  literal,
  resolveUrl,
  withRef,
  type Env,
  type Value,
  type Values,
} from "./value.js";

const KEEPS_TEXT = new Set(["toString", "trim", "trimEnd", "trimStart", "valueOf"]);

/** `"/a/{id}".replace("{id}", x)`: a string pattern is replaced; a regex leaves the text as it was. */
const replace = (ev: Evaluator, e: AnyCall, receiver: ts.Expression, env: Env | undefined, depth: number) => {
  const [first, second] = e.arguments ?? [];
  const base = ev.at(receiver, env, depth + 1);
  const pattern = first !== undefined && ts.isStringLiteralLike(skipOuter(first)) ? skipOuter(first) : undefined;
  if (base === undefined || pattern === undefined || second === undefined) return base;
  const search = (pattern as ts.StringLiteralLike).text;
  const all = ts.isPropertyAccessExpression(skipOuter(e.expression))
    ? (skipOuter(e.expression) as ts.PropertyAccessExpression).name.text === "replaceAll"
    : false;
  const replacement = ev.at(second, env, depth + 1) ?? [hole(nameOf(second))];
  const out: Value[] = [];
  for (const b of base)
    for (const r of replacement) {
      const text = all ? b.text.split(search).join(r.text) : b.text.replace(search, () => r.text);
      if (out.length < MAX_ALTERNATIVES) out.push({ ...join2(b, { ...r, text: "" }), text });
    }
  return out;
};

/** `[BASE, "environments", id].join("/")`. */
const join = (
  ev: Evaluator,
  array: ts.ArrayLiteralExpression,
  sepExpr: ts.Expression | undefined,
  env: Env | undefined,
  depth: number,
) => {
  const sep = sepExpr === undefined ? [literal(",")] : (ev.at(sepExpr, env, depth + 1) ?? [hole("separator")]);
  const parts: Values[] = [];
  array.elements.forEach((el, i) => {
    if (i > 0) parts.push(sep);
    parts.push(ev.at(el, env, depth + 1) ?? [hole(nameOf(el))]);
  });
  return concat(parts);
};

/** A small helper that returns a string (`endpoints.users(env)`): what it returns for these arguments. */
const helperResult = (ev: Evaluator, e: AnyCall, env: Env | undefined, depth: number): Values | undefined => {
  const callee = skipOuter(e.expression);
  const fn = functionOf(ev.declarationOf(callee));
  const returned = fn === undefined ? undefined : returnedExpression(fn);
  if (fn === undefined || returned === undefined) return undefined;
  const calleeEnv: Env = { fn, args: e.arguments ?? [], caller: env, depth: (env?.depth ?? 0) + 1 };
  if (calleeEnv.depth > MAX_INLINE_DEPTH || ev.active.has(fn)) return [hole(nameOf(callee), true)];
  ev.active.add(fn);
  try {
    const v = ev.at(returned, calleeEnv, depth + 1);
    return v === undefined ? undefined : withRef(v, fn);
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
    if (method === "concat") {
      const base = ev.at(receiver, env, depth + 1);
      return base === undefined
        ? undefined
        : concat([base, ...args.map((a) => ev.at(a, env, depth + 1) ?? [hole(nameOf(a))])]);
    }
    if ((method === "replace" || method === "replaceAll") && first !== undefined)
      return replace(ev, e, receiver, env, depth);
    const array = skipOuter(receiver);
    if (method === "join" && ts.isArrayLiteralExpression(array)) return join(ev, array, first, env, depth);
  }
  return helperResult(ev, e, env, depth);
};
