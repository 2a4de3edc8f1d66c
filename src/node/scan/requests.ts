import ts from "typescript";
import { MAX_INLINE_DEPTH } from "./limits.js";
import type { Evaluator } from "./evaluator.js";
import { objectLiteral, type MethodSource } from "./objects.js";
import { functionOf, returnedExpression, skipOuter, staticName, type AnyCall } from "./syntax.js";
import type { Env } from "./value.js";

/** A client made with a base URL: `axios.create({ baseURL })`, `ky.create({ prefixUrl })`, `ofetch.create(…)`. */
export interface Client {
  readonly lib: string;
  /** The base URL option's expression and where to read it; undefined when the client has none. */
  readonly base: { readonly expr: ts.Expression; readonly env: Env | undefined } | undefined;
}

/** How a call sends a request: the URL at an argument, or inside a config object (`axios({ url, method })`). */
export type RequestShape =
  | {
      readonly kind: "url";
      readonly urlIndex: number;
      readonly method: MethodSource;
      readonly client: Client | undefined;
    }
  | { readonly kind: "config"; readonly configIndex: number; readonly client: Client | undefined };

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
const BASE_OPTIONS = ["baseURL", "prefixUrl", "baseUrl", "prefix"];
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
  clientOf(expr: ts.Expression, env?: Env, depth = 0): Client | undefined {
    if (depth > MAX_INLINE_DEPTH) return undefined;
    const e = skipOuter(expr);
    let init: ts.Expression | undefined;
    let initEnv = env;
    if (ts.isCallExpression(e)) init = e;
    else if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) {
      const decl = this.ev.declarationOf(e);
      init =
        decl !== undefined &&
        (ts.isVariableDeclaration(decl) ||
          ts.isPropertyDeclaration(decl) ||
          ts.isPropertyAssignment(decl) ||
          ts.isParameter(decl))
          ? decl.initializer
          : undefined;
      initEnv = undefined;
    }
    if (init === undefined) return undefined;
    let call = skipOuter(init);
    if (ts.isAwaitExpression(call)) call = skipOuter(call.expression);
    if (!ts.isCallExpression(call)) return undefined;
    const callee = skipOuter(call.expression);
    if (ts.isPropertyAccessExpression(callee) && (callee.name.text === "create" || callee.name.text === "extend")) {
      const lib = this.libraryOf(callee.expression);
      const parent = lib === undefined ? this.clientOf(callee.expression, initEnv, depth + 1) : undefined;
      if (lib === undefined && parent === undefined) return undefined;
      const options = call.arguments[0];
      const object = options === undefined ? undefined : objectLiteral(this.ev, options, initEnv);
      if (object !== undefined && "object" in object) {
        for (const key of BASE_OPTIONS) {
          const p = object.object.properties.find(
            (x) => (ts.isPropertyAssignment(x) || ts.isShorthandPropertyAssignment(x)) && staticName(x.name) === key,
          );
          if (p !== undefined)
            return {
              lib: lib ?? (parent as Client).lib,
              base: {
                expr: ts.isPropertyAssignment(p) ? p.initializer : (p as ts.ShorthandPropertyAssignment).name,
                env: object.env,
              },
            };
        }
      }
      return { lib: lib ?? (parent as Client).lib, base: parent?.base };
    }
    // A factory: `export const dynamicClient = () => axios.create({ baseURL })`.
    const fn = functionOf(this.ev.declarationOf(callee));
    const returned = fn === undefined ? undefined : returnedExpression(fn);
    if (fn === undefined || returned === undefined) return undefined;
    return this.clientOf(
      returned,
      { fn, args: call.arguments, caller: initEnv, depth: (initEnv?.depth ?? 0) + 1 },
      depth + 1,
    );
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
    if (ts.isNewExpression(call))
      return name === "Request"
        ? { kind: "url", urlIndex: 0, method: { options: 1, fallback: "GET" }, client: undefined }
        : undefined;
    const direct = (client: Client | undefined, lib: string): RequestShape => {
      const first = args[0] === undefined ? undefined : skipOuter(args[0]);
      if (lib === "axios" && first !== undefined && ts.isObjectLiteralExpression(first))
        return { kind: "config", configIndex: 0, client };
      return { kind: "url", urlIndex: 0, method: { options: 1, fallback: "GET" }, client };
    };
    if (name === "fetch")
      return { kind: "url", urlIndex: 0, method: { options: 1, fallback: "GET" }, client: undefined };
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
        return { kind: "url", urlIndex: 0, method: { fixed: name === "del" ? "DELETE" : name.toUpperCase() }, client };
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
