import ts from "typescript";
import type { Client } from "./clients.js";
import type { Evaluator } from "./evaluator.js";
import { globalFetchPatch, patchedFetch } from "./fetch-hooks.js";
import { methodsOf, type MethodResult } from "./objects.js";
import type { RequestShape } from "./requests.js";
import type { Write } from "./sites.js";
import type { UnclassifiedCode } from "./types.js";
import type { parseBases } from "./dynamic-url.js";
import { configurationObjectIssue, type Issue, requestOverride, SDK_REQUEST_MEMBERS, sdkTyped } from "./sdk-config.js";
import { where } from "./stability.js";
import { short, skipOuter } from "./syntax.js";

const said = (node: ts.Node): string => `${short(node)}, ${where(node)}`;
const GET: MethodResult = { methods: ["GET"], bound: false };
const MIDDLEWARE = "rewritten-by-middleware";

type Traced = { readonly why: string; readonly site?: ts.Node; readonly code?: UnclassifiedCode };

/** One method result from several (a default and its writes): every method, or the first unknown. */
const merge = (all: readonly MethodResult[]): MethodResult => {
  const unknown = all.find((m) => "unknown" in m);
  if (unknown !== undefined) return unknown;
  const methods = new Set(all.flatMap((m) => ("methods" in m ? m.methods : [])));
  return { methods: [...methods].sort(), bound: all.some((m) => m.bound === true) };
};

/** `x.defaults.method`, `x.defaults`: the `x` whose defaults an expression reads, or undefined. */
const defaultsOwner = (e: ts.Expression, key: string | undefined): ts.Expression | undefined => {
  const t = skipOuter(e);
  if (key === undefined)
    return ts.isPropertyAccessExpression(t) && t.name.text === "defaults" ? t.expression : undefined;
  const inner = ts.isPropertyAccessExpression(t) && t.name.text === key ? skipOuter(t.expression) : undefined;
  return inner !== undefined && ts.isPropertyAccessExpression(inner) && inner.name.text === "defaults"
    ? inner.expression
    : undefined;
};

/**
 * What may make a request differ from how its call reads: a client's default method (its `method`
 * option, `x.defaults.method = …` writes), request interceptors (`x.interceptors.request.use`), client
 * hooks, and the SDK's middleware (`new Configuration({ middleware | fetchApi })`, `.withMiddleware(…)`,
 * `api.middleware = …`, a subclass overriding `request`).
 */
export class Rewriting {
  private installed: ts.Node | null | undefined;
  private patch: ts.Node | null | undefined;
  private memberWrites: Write[] | undefined;

  constructor(
    private readonly ev: Evaluator,
    private readonly libraryOf: (e: ts.Expression) => string | undefined,
    private readonly clientOf: (e: ts.Expression) => Client | undefined,
    private readonly bases: ReturnType<typeof parseBases>,
  ) {}

  /** Why a request sent through the global fetch (fetch, ky, ofetch) may be rewritten: the program replaces it. */
  fetchPatched(shape: RequestShape): string | undefined {
    if (shape.fetch !== true && shape.lib !== "ky" && shape.lib !== "ofetch") return undefined;
    this.patch ??= globalFetchPatch(this.ev.stability) ?? null;
    return this.patch === null ? undefined : patchedFetch(this.patch);
  }

  /** True when `owner` is the client, or the library whose defaults every client of it starts from. */
  private owns(owner: ts.Expression, client: Client | undefined, lib: string): boolean {
    return this.libraryOf(owner) === lib || (client?.holders ?? []).some((h) => this.ev.stability.chainHas(owner, h));
  }

  /** The method a request that names none sends: the client's `method` option and every `defaults.method` write. */
  defaultMethod(client: Client | undefined, lib: string): MethodResult {
    const own = client?.method;
    const all: MethodResult[] = [
      own === undefined
        ? GET
        : "unknown" in own
          ? { unknown: own.unknown, params: [] }
          : methodsOf(this.ev, own.expr, own.env),
    ];
    const stability = this.ev.stability;
    for (const w of stability.lookup((s) => s.writes, "method")) {
      const owner = defaultsOwner(w.target, "method");
      if (owner === undefined || !this.owns(owner, client, lib)) continue;
      all.push(
        w.value === undefined
          ? { unknown: `its default method is changed: ${short(w.node)} (${where(w.node)})`, params: [] }
          : methodsOf(this.ev, w.value, undefined),
      );
    }
    const whole = [
      ...stability
        .lookup((s) => s.writes, "defaults")
        .map((w) => ({ owner: defaultsOwner(w.target, undefined), node: w.node })),
      ...stability
        .lookup((s) => s.objects, "defaults")
        .map((c) => ({ owner: defaultsOwner(c.receiver, undefined), node: c.node })),
    ].find((x) => x.owner !== undefined && this.owns(x.owner, client, lib));
    if (whole !== undefined)
      all.push({ unknown: `its defaults are replaced: ${short(whole.node)} (${where(whole.node)})`, params: [] });
    return merge(all);
  }

  /**
   * Why a request through a client (or a library's default instance, or an HTTP client of unknown make)
   * may be rewritten: its hooks, or a request interceptor installed on it or on a client the scan cannot
   * tie to a declaration.
   */
  clientRewritten(client: Client | undefined, lib: string | undefined): string | undefined {
    if (client?.hooked !== undefined) return client.hooked;
    for (const call of this.ev.stability.lookup((s) => s.hooks, "interceptor")) {
      const callee = skipOuter(call.expression) as ts.PropertyAccessExpression;
      const owner = ((callee.expression as ts.PropertyAccessExpression).expression as ts.PropertyAccessExpression)
        .expression;
      const ownerLib = this.libraryOf(owner);
      const applies =
        ownerLib !== undefined
          ? client === undefined && ownerLib === lib
          : this.clientOf(owner) === undefined ||
            (client?.holders ?? []).some((h) => this.ev.stability.chainHas(owner, h));
      if (applies) return `a request interceptor may rewrite its URL or method: ${short(call)} (${where(call)})`;
    }
    return undefined;
  }

  /**
   * The first place the program may install SDK middleware (`withMiddleware`, a configuration with some),
   * or override how an SDK subclass sends its requests (`request`, `fetchApi`…).
   */
  private middleware(): ts.Node | undefined {
    if (this.installed === undefined) {
      const hooks = this.ev.stability;
      const sites = [...hooks.lookup((s) => s.hooks, "middleware"), ...hooks.lookup((s) => s.hooks, "configuration")];
      this.installed =
        sites.find((s) => ts.isCallExpression(s) || this.configurationIssue(s, 0) !== undefined) ??
        this.overrides()[0] ??
        this.middlewareWrites()[0]?.node ??
        null;
    }
    return this.installed ?? undefined;
  }

  /**
   * `api.middleware = […]`, `api["middleware"] = …`: the list an SDK client runs, replaced on the
   * instance; and any other member requests are sent through, replaced on an SDK client or its prototype.
   */
  private middlewareWrites(): Write[] {
    this.memberWrites ??= SDK_REQUEST_MEMBERS.flatMap((name) =>
      this.ev.stability
        .lookup((s) => s.writes, name)
        .filter((w) => {
          const t = w.target;
          if (!ts.isPropertyAccessExpression(t) && !ts.isElementAccessExpression(t)) return false;
          // `api.request = …`, `UsersApi.prototype.fetchApi = …`: on an SDK client, its class, or an untyped one.
          return name === "middleware" || sdkTyped(this.ev.checker, this.typeOf(skipOuter(t.expression)));
        }),
    );
    return this.memberWrites;
  }

  /** True when a write's receiver is a name holding a client made right there (`const api = new UsersApi(…)`). */
  private pinned(w: Write): boolean {
    const receiver = skipOuter((w.target as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
    const decl =
      ts.isIdentifier(receiver) || ts.isPropertyAccessExpression(receiver)
        ? this.ev.declarationOf(receiver)
        : undefined;
    const init =
      decl !== undefined && (ts.isVariableDeclaration(decl) || ts.isPropertyDeclaration(decl))
        ? decl.initializer
        : undefined;
    return init !== undefined && ts.isNewExpression(skipOuter(init));
  }

  /** Members of SDK subclasses that override how requests are sent. */
  private overrides(): ts.Node[] {
    return SDK_REQUEST_MEMBERS.flatMap((name) => this.ev.stability.lookup((s) => s.members, name)).filter((m) => {
      const cls = ts.isParameter(m) ? m.parent.parent : m.parent;
      return ts.isClassLike(cls) && requestOverride(this.ev.checker, this.typeOf(cls)) !== undefined;
    });
  }

  private typeOf(node: ts.Node): ts.Type | undefined {
    try {
      const symbol = ts.isClassLike(node) ? (node as { symbol?: ts.Symbol }).symbol : undefined;
      return symbol !== undefined
        ? this.ev.checker.getDeclaredTypeOfSymbol(symbol)
        : this.ev.checker.getTypeAtLocation(node);
    } catch {
      return undefined;
    }
  }

  /**
   * Why an SDK client's calls may not be what they read (middleware, a fetchApi, an overridden request:
   * `rewritten-by-middleware`; a basePath that is not a clean base: `outside-base`); undefined when none.
   */
  sdkRewritten(receiver: ts.Node | undefined): Issue | undefined {
    this.patch ??= globalFetchPatch(this.ev.stability) ?? null;
    if (this.patch !== null) return { code: MIDDLEWARE, why: patchedFetch(this.patch) };
    const installed = this.middleware();
    if (installed === undefined) return undefined;
    const found =
      receiver === undefined || !ts.isExpression(receiver)
        ? { why: "its client cannot be traced to where it is made" }
        : this.trace(receiver, 0);
    const loose = found === undefined ? this.middlewareWrites().find((w) => !this.pinned(w)) : undefined;
    if (loose !== undefined) {
      const at = `${short(loose.node)}, ${where(loose.node)}`;
      const why = `middleware is set on a client the scan cannot tie to one declaration (${at}), which may rewrite it`;
      return { code: MIDDLEWARE, why };
    }
    if (found === undefined) return undefined;
    const code = found.code ?? MIDDLEWARE;
    if (found.site === undefined)
      return { code, why: `${found.why}, and middleware the project installs (${said(installed)}) may rewrite it` };
    const tail = code === MIDDLEWARE ? ", which may rewrite its URL or method" : "";
    return { code, why: `${found.why} (${where(found.site)})${tail}` };
  }

  /**
   * Why a receiver may carry middleware, and the site that adds it when traced there; undefined when
   * traced to an SDK client made without any.
   */
  private trace(expr: ts.Expression, depth: number): Traced | undefined {
    const e = skipOuter(expr);
    const untraced = { why: `its client ${short(e)} cannot be traced to where it is made` };
    if (depth > 6) return untraced;
    if (ts.isNewExpression(e)) {
      const override = requestOverride(this.ev.checker, this.typeOf(e));
      if (override !== undefined)
        return { why: `${short(e)} is of a class that overrides how its requests are sent`, site: override };
      const config = e.arguments?.[0];
      const issue = config === undefined ? undefined : this.valueIssue(config, depth);
      return issue === undefined ? undefined : { why: `${short(e)}: ${issue.why}`, site: e, code: issue.code };
    }
    if (ts.isCallExpression(e)) {
      const callee = skipOuter(e.expression);
      if (ts.isPropertyAccessExpression(callee) && /^with(?:Pre|Post)?Middleware$/.test(callee.name.text))
        return { why: `${short(e)} adds middleware`, site: e };
      const fn = this.ev.functionAt(callee);
      const body = fn?.body !== undefined && !ts.isBlock(fn.body) ? fn.body : undefined;
      return body === undefined ? untraced : this.trace(body, depth + 1);
    }
    if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) {
      const decl = this.ev.declarationOf(e);
      const init =
        decl !== undefined && (ts.isVariableDeclaration(decl) || ts.isPropertyDeclaration(decl))
          ? decl.initializer
          : undefined;
      if (init === undefined || this.ev.stability.reassigned(decl as ts.Node)) return untraced;
      const write = this.middlewareWrites().find((w) =>
        this.ev.stability.chainHas((w.target as ts.PropertyAccessExpression).expression, decl as ts.Node),
      );
      if (write !== undefined) return { why: `how it sends is replaced: ${short(write.node)}`, site: write.node };
      return this.trace(init, depth + 1);
    }
    return untraced;
  }

  /** Why a configuration value may rewrite requests; undefined when provably it does not. */
  private valueIssue(expr: ts.Expression, depth: number): Issue | undefined {
    const e = skipOuter(expr);
    if (ts.isNewExpression(e)) return this.configurationIssue(e, depth);
    const unseen = { code: MIDDLEWARE, why: `its configuration ${short(e)} is not seen whole` } as const;
    if (!ts.isIdentifier(e) || depth > 6) return unseen;
    const decl = this.ev.declarationOf(e);
    if (decl === undefined || !ts.isVariableDeclaration(decl) || decl.initializer === undefined) return unseen;
    return this.ev.stability.reassigned(decl) ? unseen : this.valueIssue(decl.initializer, depth + 1);
  }

  /**
   * Why `new Configuration(options)` may rewrite requests: options not seen whole, `middleware`, a
   * `fetchApi`, or a `basePath` that is not a clean base URL; undefined when none.
   */
  private configurationIssue(node: ts.NewExpression | ts.CallExpression, depth: number): Issue | undefined {
    const options = node.arguments?.[0];
    if (options === undefined) return undefined;
    const o = skipOuter(options);
    const unseen = { code: MIDDLEWARE, why: `its configuration (${short(o)}) is not seen whole` } as const;
    if (ts.isIdentifier(o) && depth < 6) {
      const decl = this.ev.declarationOf(o);
      const init = decl !== undefined && ts.isVariableDeclaration(decl) ? decl.initializer : undefined;
      if (init === undefined || this.ev.stability.objectChanged(decl as ts.Node) !== undefined) return unseen;
      const object = skipOuter(init);
      return ts.isObjectLiteralExpression(object) ? configurationObjectIssue(this.ev, this.bases, object) : unseen;
    }
    return ts.isObjectLiteralExpression(o) ? configurationObjectIssue(this.ev, this.bases, o) : unseen;
  }
}
