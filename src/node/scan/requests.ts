import ts from "typescript";
import { clientOf, type Client } from "./clients.js";
import type { Evaluator } from "./evaluator.js";
import type { MethodSource } from "./objects.js";
import { skipOuter, staticName, valueParent, type AnyCall } from "./syntax.js";
import type { Env } from "./value.js";

/** How a call sends a request: the URL at an argument, or inside a config object (`axios({ url, method })`). */
export type RequestShape = (
  | { readonly kind: "url"; readonly urlIndex: number; readonly method: MethodSource }
  | { readonly kind: "config"; readonly configIndex: number }
) & {
  readonly client: Client | undefined;
  /** The HTTP client library sending it (`http`: a client of unknown make); undefined for fetch and the like. */
  readonly lib?: string;
  /** True for `fetch(input, init)` and `new Request(input, init)`: `input` may be a Request, `init` overrides it. */
  readonly fetch?: boolean;
};

// HTTP clients, by the module their default export comes from.
const LIBRARIES = new Map([
  ["axios", "axios"],
  ["redaxios", "axios"],
  ["ky", "ky"],
  ["ky-universal", "ky"],
  ["ofetch", "ofetch"],
  ["ohmyfetch", "ofetch"],
  ["got", "got"],
  ["node-fetch", "fetch"],
  ["cross-fetch", "fetch"],
  ["isomorphic-fetch", "fetch"],
  ["undici", "fetch"],
  ["superagent", "superagent"],
  ["needle", "needle"],
]);
// …and by the name they are usually imported as, when the import cannot be followed.
const LIBRARY_NAMES = new Map([
  ["axios", "axios"],
  ["ky", "ky"],
  ["ofetch", "ofetch"],
  ["$fetch", "ofetch"],
  ["got", "got"],
  ["superagent", "superagent"],
]);
export const VERBS = new Set(["get", "post", "put", "patch", "delete", "del", "head", "options"]);
export const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

const moduleSpecifierOf = (decl: ts.Node | undefined): string | undefined => {
  let n: ts.Node | undefined = decl;
  for (let i = 0; n !== undefined && i < 4; i++, n = n.parent) {
    if (
      (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) &&
      n.moduleSpecifier &&
      ts.isStringLiteral(n.moduleSpecifier)
    )
      return n.moduleSpecifier.text;
    if (ts.isVariableDeclaration(n) && n.initializer) {
      let init = skipOuter(n.initializer);
      if (ts.isPropertyAccessExpression(init)) init = skipOuter(init.expression);
      if (
        ts.isCallExpression(init) &&
        ts.isIdentifier(init.expression) &&
        init.expression.text === "require" &&
        init.arguments[0] !== undefined &&
        ts.isStringLiteral(init.arguments[0])
      )
        return init.arguments[0].text;
      return undefined;
    }
  }
  return undefined;
};

// Names that declare routes or navigate rather than request: `app.use("/x", r)`, `router.push(url)`.
const ROUTING = new Set([
  "use",
  "all",
  "route",
  "param",
  "push",
  "navigate",
  "redirect",
  "prefetch",
  "replaceState",
  "pushState",
]);

/** Express and friends declare routes with request-method names: `app.get(path, handler)`; routers navigate. */
export const isRouteDefinition = (call: AnyCall): boolean => {
  const callee = skipOuter(call.expression);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : "";
  if (ROUTING.has(name)) return true;
  return VERBS.has(name) && (call.arguments ?? []).slice(1).some((a) => ts.isFunctionLike(skipOuter(a)));
};

/** Recognises HTTP clients and the requests made with them; see {@link RequestShape}. */
export class Requests {
  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly ev: Evaluator,
  ) {}

  /** The client library a name is the default export of (`axios`, `ky`, …), through imports and re-exports. */
  libraryOf(expr: ts.Expression): string | undefined {
    const e = skipOuter(expr);
    if (!ts.isIdentifier(e)) return undefined;
    let symbol: ts.Symbol | undefined;
    try {
      symbol = this.checker.getSymbolAtLocation(e);
    } catch {
      symbol = undefined;
    }
    for (let i = 0; symbol !== undefined && i < 8; i++) {
      const decl = symbol.declarations?.[0];
      const spec = moduleSpecifierOf(decl);
      if (spec !== undefined && LIBRARIES.has(spec)) return LIBRARIES.get(spec);
      const file = decl?.getSourceFile().fileName ?? "";
      for (const [module, lib] of LIBRARIES) if (file.includes(`/node_modules/${module}/`)) return lib;
      if (!(symbol.flags & ts.SymbolFlags.Alias)) break;
      try {
        symbol = this.checker.getImmediateAliasedSymbol(symbol);
      } catch {
        symbol = undefined;
      }
    }
    return LIBRARY_NAMES.get(e.text);
  }

  /** The client a name or property holds when made by `lib.create(…)`/`.extend(…)`, or by a factory returning one. */
  clientOf(expr: ts.Expression, env?: Env): Client | undefined {
    return clientOf(this.ev, (e) => this.libraryOf(e), expr, env);
  }

  /**
   * `const req = new Request(url); … fetch(req, init)`: a const whose every use is the input of a fetch,
   * which is the request (read with `init`). Used anywhere else, the Request is reported where it is made.
   */
  private onlyFetched(decl: ts.Node): boolean {
    if (!ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name)) return false;
    if ((ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) === 0) return false;
    const symbol = this.checker.getSymbolAtLocation(decl.name);
    const scope = decl.parent.parent.parent;
    let uses = 0;
    let other = false;
    const visit = (n: ts.Node): void => {
      if (other) return;
      if (ts.isIdentifier(n) && n !== decl.name && n.text === decl.name.getText()) {
        if (this.checker.getSymbolAtLocation(n) === symbol) {
          const { parent, child } = valueParent(n);
          if (ts.isCallExpression(parent) && parent.arguments[0] === child && this.knownShape(parent)?.fetch === true)
            uses++;
          else other = true;
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(scope);
    return uses > 0 && !other;
  }

  /** How `call` sends a request when it is a known one: fetch, `new Request`, an HTTP client or instance, a verb. */
  knownShape(call: AnyCall): RequestShape | undefined {
    const args = call.arguments ?? [];
    const callee = skipOuter(call.expression);
    const name = ts.isIdentifier(callee)
      ? callee.text
      : ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : undefined;
    if (ts.isNewExpression(call)) {
      if (name !== "Request") return undefined;
      // `fetch(new Request(url), init)`, `new Request(new Request(url))`: the outer call is the request.
      const { parent, child } = valueParent(call);
      const outer = (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.[0] === child;
      if (
        outer &&
        (ts.isNewExpression(parent) ? this.knownShape(parent) !== undefined : this.knownShape(parent)?.fetch)
      )
        return undefined;
      if (this.onlyFetched(parent)) return undefined;
      return { kind: "url", urlIndex: 0, method: { options: 1, fallback: "GET" }, client: undefined };
    }
    const direct = (client: Client | undefined, lib: string): RequestShape => {
      const first = args[0] === undefined ? undefined : skipOuter(args[0]);
      if (lib === "axios" && first !== undefined && ts.isObjectLiteralExpression(first))
        return { kind: "config", configIndex: 0, client, lib };
      // superagent's `request("DELETE", url)`.
      if (first !== undefined && ts.isStringLiteralLike(first) && HTTP_METHODS.has(first.text.toUpperCase()))
        return { kind: "url", urlIndex: 1, method: { arg: 0 }, client, lib };
      return { kind: "url", urlIndex: 0, method: { options: 1, fallback: "GET" }, client, lib };
    };
    if (name === "fetch")
      return { kind: "url", urlIndex: 0, method: { options: 1, fallback: "GET" }, client: undefined, fetch: true };
    const lib = this.libraryOf(callee);
    if (lib !== undefined) return direct(undefined, lib);
    if (ts.isIdentifier(callee) || ts.isPropertyAccessExpression(callee)) {
      const client = this.clientOf(callee);
      if (client !== undefined) return direct(client, client.lib);
    }
    if (ts.isPropertyAccessExpression(callee) && name !== undefined) {
      const receiver = callee.expression;
      const client = this.clientOf(receiver);
      const receiverLib = client?.lib ?? this.libraryOf(receiver);
      if (VERBS.has(name)) {
        if (isRouteDefinition(call)) return undefined;
        const fixed = name === "del" ? "DELETE" : name.toUpperCase();
        return { kind: "url", urlIndex: 0, method: { fixed }, client, lib: receiverLib ?? "http" };
      }
      if (receiverLib !== undefined && (name === "request" || name === "raw" || name === "native"))
        return direct(client, receiverLib);
      if (name === "sendBeacon") return { kind: "url", urlIndex: 0, method: { fixed: "POST" }, client: undefined };
    }
    return undefined;
  }

  /** Calls shaped like requests whatever they are: `(method, url)` and `(url, { method })`. */
  genericShape(call: AnyCall): RequestShape | undefined {
    const args = call.arguments ?? [];
    // `request("GET", url)`, `xhr.open("POST", url)`, Angular's `http.request("DELETE", url)`.
    const first = args[0] === undefined ? undefined : skipOuter(args[0]);
    if (
      args.length >= 2 &&
      first !== undefined &&
      ts.isStringLiteralLike(first) &&
      HTTP_METHODS.has(first.text.toUpperCase())
    )
      return { kind: "url", urlIndex: 1, method: { arg: 0 }, client: undefined };
    const second = args[1] === undefined ? undefined : skipOuter(args[1]);
    if (
      second !== undefined &&
      ts.isObjectLiteralExpression(second) &&
      second.properties.some((p) => p.name !== undefined && staticName(p.name) === "method")
    )
      return { kind: "url", urlIndex: 0, method: { options: 1, fallback: undefined }, client: undefined };
    return undefined;
  }
}
