import ts from "typescript";
import type { Evaluator } from "./evaluator.js";
import { methodOfOptions, type MethodResult } from "./objects.js";
import { skipOuter } from "./syntax.js";
import type { Env } from "./value.js";

/** A `Request` an expression holds: the URL it was made with, and the method it sends. */
export interface RequestObject {
  readonly url: ts.Expression;
  readonly env: Env | undefined;
  readonly method: MethodResult;
  /** The `new Request(…)` expressions read: a fetch that sends them accounts for what they were handed. */
  readonly made: readonly ts.NewExpression[];
}

const GET: MethodResult = { methods: ["GET"], bound: false };

/**
 * `new Request(input, init)` (inline, or in a variable nothing changes) as fetch reads it: the URL of
 * `input` (itself a Request, or a URL), and `init`'s method, else the inner Request's, else GET.
 */
export const requestObject = (
  ev: Evaluator,
  expr: ts.Expression,
  env: Env | undefined,
  depth = 0,
): RequestObject | undefined => {
  const e = skipOuter(expr);
  if (depth > 4) return undefined;
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "Request") {
    const [input, init] = e.arguments ?? [];
    if (input === undefined) return undefined;
    const inner = requestObject(ev, input, env, depth + 1);
    const fallback = inner?.method ?? GET;
    return {
      url: inner?.url ?? input,
      env: inner === undefined ? env : inner.env,
      method: init === undefined ? fallback : methodOfOptions(ev, init, env, fallback),
      made: [e, ...(inner?.made ?? [])],
    };
  }
  if (!ts.isIdentifier(e)) return undefined;
  const decl = ev.declarationOf(e);
  if (decl === undefined || !ts.isVariableDeclaration(decl) || decl.initializer === undefined) return undefined;
  if (ev.stability.changesOf(decl) !== undefined) return undefined;
  return requestObject(ev, decl.initializer, ev.envFor(decl, env), depth + 1);
};
