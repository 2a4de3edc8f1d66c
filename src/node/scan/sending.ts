import ts from "typescript";
import { isDynamic, type Collector, type Request } from "./collector.js";
import type { parseBases } from "./dynamic-url.js";
import type { Evaluator } from "./evaluator.js";
import { callOptionsHook } from "./fetch-hooks.js";
import { MAX_HELPER_NODES, MAX_INLINE_DEPTH } from "./limits.js";
import { methodFrom, methodOfOptions, objectLiteral, type Fallback, type MethodResult } from "./objects.js";
import { requestObject } from "./request-objects.js";
import { classify, URL_KEYS } from "./occurrences.js";
import { isRouteDefinition, type Requests, type RequestShape } from "./requests.js";
import type { Rewriting } from "./rewriting.js";
import { propertyNamed, skipOuter, type AnyCall, type FunctionWithBody } from "./syntax.js";
import { hole, joinBase, type Env, type Values } from "./value.js";

/** What a call is: a known request, a helper that sends requests, a request by its shape, or nothing. */
export type Resolved = { readonly shape: RequestShape } | { readonly helper: FunctionWithBody } | undefined;

// Calls that only look: logging, string tests, errors.
const TEST_METHODS = new Set(
  "startsWith endsWith includes indexOf lastIndexOf match matchAll test search split slice substring at".split(" "),
);

/** Calls a URL can be handed to without being requested: `console.*`, string tests, `new Error`, decorators, routes. */
export const isBenignCall = (call: AnyCall): boolean => {
  const c = skipOuter(call.expression);
  if (ts.isPropertyAccessExpression(c)) {
    if (ts.isIdentifier(c.expression) && c.expression.text === "console") return true;
    if (TEST_METHODS.has(c.name.text)) return true;
  }
  if (ts.isNewExpression(call) && ts.isIdentifier(c) && /Error$/.test(c.text)) return true;
  return ts.isDecorator(call.parent) || isRouteDefinition(call);
};

const TOO_COMPLEX =
  "scopewise stopped following helper calls here: their requests take more work than the file may cost";

/** What a helper sends past the budget: unknown, so reported `too-complex` where it is called. */
const tooComplex = (site: AnyCall): Request => ({
  at: site,
  values: [hole("…", true)],
  kinds: [{ kind: "undetermined", why: TOO_COMPLEX }],
  method: { unknown: TOO_COMPLEX, params: [] },
  site,
});

/**
 * The requests calls send: a known client or shape read directly, a helper (a function of the project
 * that sends requests) read with its caller's arguments, a few helpers deep. Each function's body is
 * searched once.
 */
export class Sending {
  private readonly calls = new Map<ts.Node, AnyCall[]>();
  private readonly sends = new Map<ts.Node, boolean>();
  private readonly resolved = new Map<ts.Node, Resolved>();
  private readonly standalone = new Map<ts.Node, boolean>();

  constructor(
    private readonly ev: Evaluator,
    private readonly requests: Requests,
    private readonly out: Collector,
    private readonly bases: ReturnType<typeof parseBases>,
    private readonly rewriting: Rewriting,
  ) {}

  /** A request's URL (joined to its client's base), method and kinds. */
  requestOf(call: AnyCall, shape: RequestShape, env: Env | undefined): Request | undefined {
    const r = this.read(call, shape, env);
    const rewritten =
      (shape.lib === undefined ? undefined : this.rewriting.clientRewritten(shape.client, shape.lib)) ??
      callOptionsHook(this.ev, call, shape, env) ??
      this.rewriting.fetchPatched(shape);
    return r === undefined || rewritten === undefined ? r : { ...r, rewritten };
  }

  private read(call: AnyCall, shape: RequestShape, env: Env | undefined): Request | undefined {
    const args = call.arguments ?? [];
    const base = shape.client?.base;
    const clientBase: Values | undefined =
      base === undefined ? undefined : (this.ev.evaluate(base.expr, base.env, true) ?? [hole("baseURL")]);
    // A request that names no method sends its client's default (its `method` option, `defaults.method`).
    const fallback = shape.lib === undefined ? undefined : this.rewriting.defaultMethod(shape.client, shape.lib);
    if (shape.kind === "config") {
      const configArg = args[shape.configIndex];
      const found = configArg === undefined ? undefined : objectLiteral(this.ev, configArg, env);
      return found === undefined || "unknown" in found
        ? undefined
        : this.configRequest(found.object, found.env, call, clientBase, fallback ?? "GET");
    }
    let urlArg = args[shape.urlIndex];
    let urlEnv = env;
    let method: MethodResult | undefined;
    // `fetch(request, init)`: the Request's URL; `init`'s method, else the Request's.
    const request = shape.fetch && urlArg !== undefined ? requestObject(this.ev, urlArg, env) : undefined;
    if (request !== undefined) {
      for (const made of request.made) this.out.used.add(made);
      urlArg = request.url;
      urlEnv = request.env;
      method = args[1] === undefined ? request.method : methodOfOptions(this.ev, args[1], env, request.method);
    }
    const values = urlArg === undefined ? undefined : this.ev.evaluate(urlArg, urlEnv);
    if (urlArg === undefined || values === undefined) return undefined;
    const joined = clientBase === undefined ? values : joinBase(clientBase, values);
    method ??= methodFrom(this.ev, shape.method, args, env, fallback);
    return { at: urlArg, values: joined, kinds: classify(joined, this.bases), method, site: call };
  }

  /** `{ url, method, baseURL }`: an axios-style request config. */
  configRequest(
    object: ts.ObjectLiteralExpression,
    env: Env | undefined,
    site: ts.Node,
    clientBase: Values | undefined,
    fallback: Fallback,
  ): Request | undefined {
    let urlExpr: ts.Expression | undefined;
    for (const key of URL_KEYS) urlExpr ??= propertyNamed(object, key);
    if (urlExpr === undefined) return undefined;
    this.out.used.add(object);
    const values = this.ev.evaluate(urlExpr, env);
    if (values === undefined) return undefined;
    const baseExpr = propertyNamed(object, "baseURL") ?? propertyNamed(object, "prefixUrl");
    const base = baseExpr === undefined ? clientBase : this.ev.evaluate(baseExpr, env);
    const joined = base === undefined ? values : joinBase(base, values);
    const method = methodOfOptions(this.ev, object, env, fallback);
    return { at: urlExpr, values: joined, kinds: classify(joined, this.bases), method, site };
  }

  /** The calls in a function's body (nested functions included), at most {@link MAX_HELPER_NODES} nodes searched. */
  private callsIn(fn: FunctionWithBody): AnyCall[] {
    const cached = this.calls.get(fn);
    if (cached !== undefined) return cached;
    const calls: AnyCall[] = [];
    const stack: ts.Node[] = [fn.body];
    for (let seen = 0; stack.length > 0 && seen < MAX_HELPER_NODES; seen++) {
      const n = stack.pop() as ts.Node;
      if (ts.isCallExpression(n) || ts.isNewExpression(n)) calls.push(n);
      ts.forEachChild(n, (c) => {
        stack.push(c);
      });
    }
    this.calls.set(fn, calls);
    return calls;
  }

  /** The project function a call calls (not a declaration, not in node_modules). */
  private helperOf(call: AnyCall): FunctionWithBody | undefined {
    const fn = this.ev.functionAt(call.expression);
    const sf = fn?.getSourceFile();
    return sf === undefined || sf.isDeclarationFile || sf.fileName.includes("/node_modules/") ? undefined : fn;
  }

  /** True when `fn` (or a helper it calls) sends a request: only such functions are read at their call sites. */
  private sendsRequests(fn: FunctionWithBody, depth = 0): boolean {
    const cached = this.sends.get(fn);
    if (cached !== undefined) return cached;
    this.sends.set(fn, false);
    let answer = false;
    for (const call of this.callsIn(fn)) {
      if (this.requests.knownShape(call) !== undefined || this.requests.genericShape(call) !== undefined) answer = true;
      else if (depth < MAX_INLINE_DEPTH && (call.arguments?.length ?? 0) > 0) {
        const inner = this.helperOf(call);
        answer = inner !== undefined && inner !== fn && this.sendsRequests(inner, depth + 1);
      }
      if (answer) break;
    }
    this.sends.set(fn, answer);
    return answer;
  }

  /** What a call is (once per call). */
  resolve(call: AnyCall): Resolved {
    if (this.resolved.has(call)) return this.resolved.get(call);
    let r: Resolved;
    const known = this.requests.knownShape(call);
    if (known !== undefined) r = { shape: known };
    else {
      const fn = (call.arguments?.length ?? 0) > 0 && !isBenignCall(call) ? this.helperOf(call) : undefined;
      const generic = this.requests.genericShape(call);
      r =
        fn !== undefined && this.sendsRequests(fn)
          ? { helper: fn }
          : generic === undefined
            ? undefined
            : { shape: generic };
    }
    this.resolved.set(call, r);
    return r;
  }

  /** True when a request inside a helper is fully known without its caller: it is reported where it stands. */
  private determinedAlone(call: AnyCall, shape: RequestShape): boolean {
    let known = this.standalone.get(call);
    if (known === undefined) {
      const r = this.requestOf(call, shape, undefined);
      known =
        r !== undefined &&
        "methods" in r.method &&
        r.values.every((v, i) => !v.cut && v.unknown === undefined && r.kinds[i]?.kind !== "undetermined");
      this.standalone.set(call, known);
    }
    return known;
  }

  /** The requests `fn` sends when called with `args` that those arguments decide; inlined helpers are noted. */
  inline(fn: FunctionWithBody, args: readonly ts.Expression[], caller: Env | undefined, depth: number): Request[] {
    if (depth > MAX_INLINE_DEPTH) return [];
    const env: Env = { fn, args, caller, depth };
    const out: Request[] = [];
    for (const call of this.callsIn(fn)) {
      // Helpers calling helpers fan out (30 calls a level, 4 levels: 810,000 requests): the file's budget
      // bounds them, and what is left unread is one `too-complex` request, never dropped.
      if (!this.ev.spend()) {
        out.push(tooComplex(call));
        break;
      }
      const what = this.resolve(call);
      if (what === undefined) continue;
      if ("helper" in what) {
        if (what.helper === fn) continue;
        const found = this.inline(what.helper, call.arguments ?? [], env, depth + 1);
        if (found.length > 0) this.out.inlined.add(what.helper);
        out.push(...found);
        continue;
      }
      const r = this.requestOf(call, what.shape, env);
      if (r === undefined) continue;
      const bound = r.values.some((v) => v.bound) || r.method.bound === true;
      if (bound && r.kinds.some(isDynamic) && !this.determinedAlone(call, what.shape)) out.push(r);
    }
    return out;
  }
}
