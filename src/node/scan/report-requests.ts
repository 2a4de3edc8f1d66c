import ts from "typescript";
import { isDynamic, type Collector, type Request } from "./collector.js";
import type { UrlKind } from "./dynamic-url.js";
import { moduleNameOf, nameOf, short, skipOuter, type AnyCall } from "./syntax.js";
import { members, showHoles, type Values } from "./value.js";

/** Reports a request: a call per method and path, or why it cannot be classified. */
export const reportRequest = (
  out: Collector,
  r: Request,
  at: ts.Node,
  enclosing: ts.SignatureDeclaration | undefined,
): void => {
  // Reported as read, and unclassified too: what is sent may be something else.
  const rewritten = r.rewritten;
  if (rewritten !== undefined && r.kinds.some(isDynamic)) {
    const text = showHoles(r.values[r.kinds.findIndex(isDynamic)]?.text ?? "");
    out.unclassified(at, "rewritten-by-middleware", text, rewritten);
  }
  r.values.forEach((value, i) => {
    const kind = r.kinds[i] as UrlKind;
    const text = showHoles(value.text);
    // What the URL was before a change the scan cannot follow: Dynamic's, so unclassified, never a call.
    if (value.unknown !== undefined && kind.kind !== "none") {
      out.useRefs([value]);
      const { code, why } = value.unknown;
      out.pathFinding({ kind: "unclassified", code, source: out.location(at), text, reason: why }, kind);
      return;
    }
    // A request to the base URL alone names no endpoint, but its base URL is accounted for.
    if (kind.kind === "base") out.useRefs([value]);
    // Dynamic's host outside the API base (its root; a path smuggled into a query or fragment).
    if (kind.kind === "base" && kind.outside === true)
      out.pathFinding(
        {
          kind: "unclassified",
          code: "outside-base",
          source: out.location(at),
          text,
          reason: "a request to Dynamic's host outside the API base path: scopewise cannot tell what it reaches",
        },
        kind,
      );
    if (!isDynamic(kind)) return;
    // A parameter of a function around the request: that function is a helper its callers decide.
    const helperParam = (why: string, all: readonly ts.ParameterDeclaration[]): boolean => {
      const around = (p: ts.ParameterDeclaration): boolean => {
        for (let n: ts.Node | undefined = enclosing; n !== undefined; n = n.parent) if (n === p.parent) return true;
        return false;
      };
      const mine = all.filter(around);
      const fn = mine[0]?.parent;
      if (fn === undefined) return false;
      const names = mine.map((p) => nameOf(p.name)).join(", ");
      out.helperSites.push({ fn, request: r, at, why: `${why}, from parameter ${names}` });
      return true;
    };
    out.useRefs([value]);
    if (value.cut) {
      out.unclassified(at, "too-complex", text, "the URL is too long or has too many alternatives to follow whole");
      return;
    }
    if (kind.kind === "undetermined") {
      if (!helperParam("the URL is built from its caller's arguments", [...members(value.params)]))
        out.unclassified(at, "runtime-url", text, `the endpoint is built at run time: ${kind.why}`);
      return;
    }
    if (kind.kind !== "path") return;
    const source = out.location(at);
    if ("unknown" in r.method) {
      const reason = `cannot tell the HTTP method: ${r.method.unknown}${out.catalogMethods(kind.path)}`;
      const code = r.method.code ?? "unknown-method";
      if (!helperParam("the method comes from its caller", r.method.params))
        out.pathFinding({ kind: "unclassified", code, source, text, reason }, kind);
      return;
    }
    for (const method of r.method.methods)
      out.pathFinding({ kind: "call", via: "url", source, text, call: { method, path: kind.path } }, kind);
  });
};

/** `name, imported from "module"` when an expression's root name comes from an import the scan could not follow. */
export const unresolvedImport = (checker: ts.TypeChecker, expr: ts.Expression): string | undefined => {
  let root = skipOuter(expr);
  for (let i = 0; i < 16; i++) {
    if (!(ts.isPropertyAccessExpression(root) || ts.isCallExpression(root) || ts.isElementAccessExpression(root)))
      break;
    root = skipOuter(root.expression);
  }
  if (!ts.isIdentifier(root)) return undefined;
  let symbol: ts.Symbol | undefined;
  try {
    symbol = checker.getSymbolAtLocation(root);
    if (symbol === undefined || !(symbol.flags & ts.SymbolFlags.Alias)) return undefined;
    if ((checker.getAliasedSymbol(symbol).declarations?.length ?? 0) > 0) return undefined;
  } catch {
    return undefined;
  }
  const decl = symbol.declarations?.[0];
  return `${root.text}, imported from ${JSON.stringify((decl && moduleNameOf(decl)) ?? "a module")}`;
};

const PATH_LIKE = /^[\w{}$.:%~/-]+$/;

/**
 * `api.get("events")` or `api("gates/x")` where `api` is imported from a module the scan could not
 * follow: a client whose base URL is unknown. Kept when the project talks to Dynamic.
 */
export const unknownClient = (
  out: Collector,
  checker: ts.TypeChecker,
  call: AnyCall,
  values: Values,
  at: ts.Node,
): void => {
  const callee = skipOuter(call.expression);
  const from = unresolvedImport(checker, ts.isPropertyAccessExpression(callee) ? callee.expression : callee);
  if (from === undefined) return;
  for (const v of values) {
    const text = showHoles(v.text);
    if (!PATH_LIKE.test(text) || !/[A-Za-z]/.test(text) || /^[a-z][\w+.-]*:/i.test(text)) continue;
    out.unknownClients.push({
      kind: "unclassified",
      code: "passed-on",
      source: out.location(at),
      text,
      reason: `requested through ${from}, which the scan could not follow, so its base URL is unknown`,
    });
  }
};

/** `fetch(ORIGINS_URL)` with the URL imported from a module the scan could not follow. */
export const unknownUrl = (out: Collector, checker: ts.TypeChecker, sent: ts.Expression): void => {
  const from = unresolvedImport(checker, sent);
  if (from === undefined) return;
  out.unknownClients.push({
    kind: "unclassified",
    code: "passed-on",
    source: out.location(sent),
    text: short(sent),
    reason: `the URL is ${from}, which the scan could not follow`,
  });
};
