import ts from "typescript";
import type { Evaluator } from "./evaluator.js";
import { HOOK_OPTIONS, hookIn } from "./fetch-hooks.js";
import { MAX_INLINE_DEPTH } from "./limits.js";
import { objectLiteral } from "./objects.js";
import { where } from "./stability.js";
import { returnedExpression, short, skipOuter, staticName } from "./syntax.js";
import type { Env } from "./value.js";

/** An option's value in a client's options object, and where to read it. */
export interface OptionValue {
  readonly expr: ts.Expression;
  readonly env: Env | undefined;
}

/** A client made with `axios.create(…)`, `ky.create(…)`, `ofetch.create(…)`, `got.extend(…)`, or a factory's. */
export interface Client {
  readonly lib: string;
  /** The base URL option; undefined when the client has none. */
  readonly base: OptionValue | undefined;
  /** The default method option (`method:`), what a request that names none sends; undefined: the library's GET. */
  readonly method?: OptionValue | { readonly unknown: string };
  /** Why the client's requests may be rewritten by its own options (`hooks`, `onRequest`, an adapter). */
  readonly hooked?: string;
  /** The declarations the client is reached through: where `defaults` and `interceptors` are looked for. */
  readonly holders: readonly ts.Node[];
}

const BASE_OPTIONS = ["baseURL", "prefixUrl", "baseUrl", "prefix"];

const option = (object: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined => {
  let found: ts.Expression | undefined;
  for (const p of object.properties) {
    if (ts.isPropertyAssignment(p) && staticName(p.name) === key) found = p.initializer;
    else if (ts.isShorthandPropertyAssignment(p) && p.name.text === key) found = p.name;
  }
  return found;
};

/**
 * The client a name or property holds when made by `lib.create(…)`/`.extend(…)` (an extended client
 * keeps what it does not set), or by a factory returning one. A holder the program reassigns holds no
 * known client.
 */
export const clientOf = (
  ev: Evaluator,
  libraryOf: (e: ts.Expression) => string | undefined,
  expr: ts.Expression,
  env?: Env,
  depth = 0,
  holders: readonly ts.Node[] = [],
): Client | undefined => {
  if (depth > MAX_INLINE_DEPTH) return undefined;
  const e = skipOuter(expr);
  let init: ts.Expression | undefined;
  let initEnv = env;
  let held = holders;
  if (ts.isCallExpression(e)) init = e;
  else if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) {
    const decl = ev.declarationOf(e);
    const holds =
      decl !== undefined &&
      (ts.isVariableDeclaration(decl) ||
        ts.isPropertyDeclaration(decl) ||
        ts.isPropertyAssignment(decl) ||
        ts.isParameter(decl));
    if (!holds || ev.stability.reassigned(decl)) return undefined;
    init = decl.initializer;
    initEnv = undefined;
    held = [...holders, decl];
  }
  if (init === undefined) return undefined;
  let call = skipOuter(init);
  if (ts.isAwaitExpression(call)) call = skipOuter(call.expression);
  if (!ts.isCallExpression(call)) return undefined;
  const callee = skipOuter(call.expression);
  if (ts.isPropertyAccessExpression(callee) && (callee.name.text === "create" || callee.name.text === "extend")) {
    const lib = libraryOf(callee.expression);
    const parent = lib === undefined ? clientOf(ev, libraryOf, callee.expression, initEnv, depth + 1) : undefined;
    if (lib === undefined && parent === undefined) return undefined;
    const options = call.arguments[0];
    const found = options === undefined ? undefined : objectLiteral(ev, options, initEnv);
    const client: Client = {
      lib: lib ?? (parent as Client).lib,
      base: parent?.base,
      holders: [...held, ...(parent?.holders ?? [])],
      ...(parent?.method === undefined ? {} : { method: parent.method }),
      ...(parent?.hooked === undefined ? {} : { hooked: parent.hooked }),
    };
    if (found === undefined) return client;
    if ("unknown" in found)
      return { ...client, method: { unknown: `the client's options are not seen whole: ${found.unknown}` } };
    const at = (x: ts.Expression): OptionValue => ({ expr: x, env: found.env });
    const base = BASE_OPTIONS.map((k) => option(found.object, k)).find((x) => x !== undefined);
    const method = option(found.object, "method");
    const hook = HOOK_OPTIONS.find((k) => option(found.object, k) !== undefined);
    const spread = found.object.properties.find(ts.isSpreadAssignment);
    // `ofetch.create(defaults, { fetch })`: its second argument's fetch sends every request.
    const globals = call.arguments[1] === undefined ? undefined : objectLiteral(ev, call.arguments[1], initEnv);
    const globalHook =
      globals === undefined
        ? undefined
        : "unknown" in globals
          ? `its second argument is not seen whole (${globals.unknown}), and may carry a fetch`
          : hookIn(globals.object);
    return {
      ...client,
      ...(base === undefined ? {} : { base: at(base) }),
      ...(method === undefined ? {} : { method: at(method) }),
      ...(spread === undefined ? {} : { method: { unknown: `a spread (${short(spread)}) may set its method` } }),
      ...(hook === undefined ? {} : { hooked: `its ${hook} option may rewrite each request (${where(call)})` }),
      ...(globalHook === undefined ? {} : { hooked: `${globalHook} (${where(call)})` }),
    };
  }
  // A factory: `export const dynamicClient = () => axios.create({ baseURL })`.
  const fn = ev.functionAt(callee);
  const returned = fn === undefined ? undefined : returnedExpression(fn);
  if (fn === undefined || returned === undefined) return undefined;
  const factoryEnv: Env = { fn, args: call.arguments, caller: initEnv, depth: (initEnv?.depth ?? 0) + 1 };
  return clientOf(ev, libraryOf, returned, factoryEnv, depth + 1, held);
};
