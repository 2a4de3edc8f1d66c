import ts from "typescript";
import type { CallInput } from "../../matcher/read-call.js";
import type { MatchResult } from "../../matcher/result.js";
import type { SourceLocation } from "../../sources/types.js";
import { budgetFor, lineColumn, type FileFacts } from "./context.js";
import { classifyUrl, type parseBases, type UrlKind } from "./dynamic-url.js";
import { MAX_ALTERNATIVES, MAX_HELPER_NODES, MAX_INLINE_DEPTH } from "./limits.js";
import { isRouteDefinition, Requests, type MethodSource, type RequestShape } from "./requests.js";
import { sdkOperationsInfo } from "../../sources/sdk-operations.js";
import { SDK_STUB_FILE, sdkIndex } from "./sdk-stub.js";
import type { ScanFinding, UnclassifiedCode } from "./types.js";
import {
  Evaluator,
  functionOf,
  hole,
  joinBase,
  members,
  nameOf,
  propertyNamed,
  showHoles,
  skipOuter,
  staticName,
  type Env,
  type Values,
} from "./values.js";
import { valueParent } from "./walk.js";

/** What the analysis of one program needs. */
export interface AnalysisInput {
  readonly checker: ts.TypeChecker;
  /** The scanned files' walks (other files of the program are only read through the checker). */
  readonly scanned: readonly FileFacts[];
  readonly bases: ReturnType<typeof parseBases>;
  readonly requiredScopes: (call: CallInput) => MatchResult;
  /** True when the project uses the SDK (an import of it, or a dependency on it). */
  readonly usesSdk: boolean;
  readonly display: (file: string) => string;
}

/** Findings of a program's scanned files, and files whose evaluation ran out of budget. */
export interface Analysis {
  readonly findings: ScanFinding[];
  readonly exhausted: readonly string[];
}

// BaseAPI's own members: not operations, not requests.
const BASE_API_MEMBERS = new Set([
  "withMiddleware",
  "withPreMiddleware",
  "withPostMiddleware",
  "request",
  "constructor",
]);
const URL_KEYS = new Set(["url", "path", "uri", "endpoint", "href"]);
const BASE_KEYS = new Set(["baseURL", "prefixUrl", "baseUrl", "prefix", "basePath"]);
const STRING_METHODS = new Set([
  "toString",
  "trim",
  "trimEnd",
  "trimStart",
  "concat",
  "replace",
  "replaceAll",
  "valueOf",
]);
const TEST_METHODS = new Set([
  "startsWith",
  "endsWith",
  "includes",
  "indexOf",
  "lastIndexOf",
  "match",
  "matchAll",
  "test",
  "search",
  "split",
  "slice",
  "substring",
  "localeCompare",
  "length",
  "at",
  "charAt",
]);

/** Where a URL value ends up once wrappers that keep it a URL are climbed. */
type Context =
  | { readonly kind: "arg"; readonly call: ts.CallExpression | ts.NewExpression; readonly index: number }
  | { readonly kind: "config"; readonly object: ts.ObjectLiteralExpression }
  | { readonly kind: "definition"; readonly decl: ts.Node; readonly name: string }
  | { readonly kind: "stray"; readonly why: string }
  | { readonly kind: "none" };

/** A value (or a call's URL) read as Dynamic: where, its possible texts, and how they classify. */
interface Occurrence {
  readonly node: ts.Expression;
  readonly at: ts.Node;
  readonly values: Values;
  readonly kinds: readonly UrlKind[];
}

type MethodResult =
  | { readonly methods: readonly string[]; readonly bound: boolean }
  | { readonly unknown: string; readonly params: readonly ts.ParameterDeclaration[]; readonly bound?: boolean };

/** A request found: its URL texts, their kinds, its method, where it is reported. */
interface Request {
  readonly at: ts.Node;
  readonly values: Values;
  readonly kinds: readonly UrlKind[];
  readonly method: MethodResult;
  /** The call that sends it, to tell whether a helper's parameters decide it. */
  readonly site: ts.Node;
}

const isDynamic = (k: UrlKind): boolean => k.kind === "path" || k.kind === "undetermined";

/** Climbs from a URL value through what keeps it a URL: casts, `a ?? b`, `String(u)`, `u.trim()`, `new URL(u)`, `[…].join("/")`. */
const climb = (start: ts.Expression): ts.Expression => {
  let node = start;
  for (let i = 0; i < 64; i++) {
    const { parent, child } = valueParent(node);
    if (ts.isConditionalExpression(parent) && parent.condition !== child) node = parent;
    else if (
      ts.isBinaryExpression(parent) &&
      (parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
        parent.operatorToken.kind === ts.SyntaxKind.BarBarToken ||
        (parent.operatorToken.kind === ts.SyntaxKind.CommaToken && parent.right === child))
    )
      node = parent;
    else if (
      ts.isCallExpression(parent) &&
      ts.isIdentifier(parent.expression) &&
      (parent.expression.text === "String" || parent.expression.text === "encodeURI") &&
      parent.arguments[0] === child
    )
      node = parent;
    else if (
      ts.isNewExpression(parent) &&
      ts.isIdentifier(parent.expression) &&
      parent.expression.text === "URL" &&
      (parent.arguments?.[0] === child || parent.arguments?.[1] === child)
    )
      node = parent;
    else if (ts.isPropertyAccessExpression(parent) && parent.expression === child && parent.name.text === "href")
      node = parent;
    else if (
      ts.isPropertyAccessExpression(parent) &&
      parent.expression === child &&
      STRING_METHODS.has(parent.name.text) &&
      ts.isCallExpression(parent.parent) &&
      parent.parent.expression === parent
    )
      node = parent.parent;
    else if (
      ts.isArrayLiteralExpression(parent) &&
      ts.isPropertyAccessExpression(parent.parent) &&
      parent.parent.name.text === "join" &&
      ts.isCallExpression(parent.parent.parent)
    )
      node = parent.parent.parent;
    else return node;
  }
  return node;
};

/** The module an import declaration names. */
const moduleNameOf = (decl: ts.Node): string | undefined => {
  for (let n: ts.Node | undefined = decl; n !== undefined; n = n.parent)
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) return n.moduleSpecifier.text;
  return undefined;
};

const enclosingFunction = (node: ts.Node): ts.SignatureDeclaration | undefined => {
  for (let n = node.parent; n !== undefined; n = n.parent) if (ts.isFunctionLike(n)) return n;
  return undefined;
};

const calleeText = (call: ts.CallExpression | ts.NewExpression): string => {
  const c = skipOuter(call.expression);
  const text = ts.isIdentifier(c) || ts.isPropertyAccessExpression(c) ? c.getText() : nameOf(c);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

const isBenignCall = (call: ts.CallExpression | ts.NewExpression): boolean => {
  const c = skipOuter(call.expression);
  if (ts.isPropertyAccessExpression(c)) {
    if (ts.isIdentifier(c.expression) && c.expression.text === "console") return true;
    if (TEST_METHODS.has(c.name.text)) return true;
  }
  if (ts.isNewExpression(call) && ts.isIdentifier(c) && /Error$/.test(c.text)) return true;
  return ts.isDecorator(call.parent) || isRouteDefinition(call);
};

/**
 * Finds the Dynamic calls of a program's scanned files: SDK operations by the type of their receiver,
 * URLs by their value across modules, requests by the client that sends them, helpers by what their
 * callers pass. What may be a call but cannot be classified is an `unclassified` finding with why.
 */
export const analyze = (input: AnalysisInput): Analysis => {
  const { checker, scanned, bases } = input;
  const facts = new Map(scanned.map((f) => [f.sf.fileName, f]));
  const ev = new Evaluator(checker, facts);
  const requests = new Requests(checker, ev);
  const sdk = sdkIndex();
  const findings: ScanFinding[] = [];
  const exhausted: string[] = [];
  /** Declarations and helpers whose values reached a reported request or finding. */
  const used = new Set<ts.Node>();
  /** Helpers inlined from some caller: their parameter-built requests are accounted for there. */
  const inlined = new Set<ts.Node>();
  const definitions: { occ: Occurrence; decl: ts.Node; name: string }[] = [];
  const helperSites: { fn: ts.SignatureDeclaration; request: Request; at: ts.Node; why: string }[] = [];
  let definite = false;
  const bare: { finding: ScanFinding; path: string }[] = [];

  const location = (node: ts.Node, extra: Partial<SourceLocation> = {}): SourceLocation => ({
    file: input.display(node.getSourceFile().fileName),
    ...lineColumn(node),
    ...extra,
  });
  const unclassified = (node: ts.Node, code: UnclassifiedCode, text: string, reason: string): void => {
    findings.push({ kind: "unclassified", code, source: location(node), text, reason });
  };
  const useRefs = (values: Values): void => {
    for (const v of values) for (const r of members(v.refs)) used.add(r);
  };
  const known = (path: string): boolean => {
    const r = input.requiredScopes({ method: "GET", path });
    return r.status === "matched" || r.status === "method-not-allowed";
  };
  const catalogMethods = (path: string): string => {
    const found = new Set<string>();
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      const r = input.requiredScopes({ method, path });
      if (r.status === "matched") found.add(method);
      if (r.status === "method-not-allowed") for (const m of r.allowedMethods) found.add(m);
    }
    return found.size > 0 ? `; the catalog has ${[...found].sort().join(", ")} for this path` : "";
  };
  /** Records a finding for a path that is not definite until the end (is the project about Dynamic?). */
  const pathFinding = (finding: ScanFinding, kind: UrlKind): void => {
    if (kind.kind !== "path" || kind.definite) {
      definite = true;
      findings.push(finding);
    } else bare.push({ finding, path: kind.path });
  };

  // 1. SDK operations: a reference to a method of an SDK class, whatever the receiver's path to it.
  const operationsOf = (symbol: ts.Symbol | undefined): string[] => {
    const out: string[] = [];
    for (const d of symbol?.declarations ?? []) {
      if (d.getSourceFile().fileName !== SDK_STUB_FILE || !ts.isMethodDeclaration(d)) continue;
      const cls = (d.parent as ts.ClassDeclaration).name?.text;
      const method = staticName(d.name)?.replace(/Raw$/, "");
      if (cls !== undefined && method !== undefined && sdk.byName.has(`${cls}.${method}`)) out.push(`${cls}.${method}`);
    }
    return [...new Set(out)];
  };
  const typeAt = (node: ts.Node): ts.Type | undefined => {
    try {
      return checker.getTypeAtLocation(node);
    } catch (error) {
      if (error instanceof RangeError) return undefined;
      throw error;
    }
  };
  /** SDK classes a receiver's type is (or extends), and whether some part of it is untyped (`any`). */
  const receiverKind = (type: ts.Type | undefined, followBases = true): { classes: string[]; untyped: boolean } => {
    if (type === undefined) return { classes: [], untyped: true };
    const classes = new Set<string>();
    let untyped = false;
    const stack: ts.Type[] = [type];
    for (let i = 0; stack.length > 0 && i < 64; i++) {
      const t = stack.pop() as ts.Type;
      if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) untyped = true;
      else if (t.isUnionOrIntersection()) stack.push(...t.types);
      else if (t.flags & ts.TypeFlags.TypeParameter) {
        const c = checker.getBaseConstraintOfType(t);
        if (c === undefined || c === t) untyped = true;
        else stack.push(c);
      } else {
        const decl = t.getSymbol()?.declarations?.[0];
        if (decl?.getSourceFile().fileName === SDK_STUB_FILE && ts.isClassDeclaration(decl) && decl.name)
          classes.add(decl.name.text);
        else if (followBases && t.isClassOrInterface()) stack.push(...(checker.getBaseTypes(t) ?? []));
      }
    }
    classes.delete("BaseAPI");
    return { classes: [...classes].sort(), untyped };
  };
  const sdkCall = (at: ts.Node, text: string, operation: string): void => {
    const op = sdk.byName.get(operation);
    if (op === undefined) return;
    definite = true;
    findings.push({
      kind: "call",
      via: "sdk",
      source: location(at, { operation }),
      text,
      call: { method: op.method, path: op.path },
    });
  };
  const describeOp = (name: string): string => {
    const op = sdk.byMethod.get(name);
    return op === undefined ? name : `${op.operation} (${op.method} ${op.path})`;
  };
  const short = (node: ts.Node): string => {
    const t = node.getText().replace(/\s+/g, " ");
    return t.length > 40 ? `${t.slice(0, 37)}…` : t;
  };
  for (const f of scanned) {
    ev.budget = budgetFor(f.sf);
    for (const ref of f.sdkRefs) {
      let nameNode: ts.Node;
      let receiver: ts.Node | undefined;
      let operations: string[];
      if (ts.isBindingElement(ref)) {
        nameNode = ref.propertyName ?? ref.name;
        const pattern = ref.parent;
        const type = typeAt(pattern);
        const key = staticName(nameNode as ts.PropertyName) ?? "";
        operations = operationsOf(type?.getProperty(key));
        const owner = pattern.parent;
        receiver = ts.isVariableDeclaration(owner) ? owner.initializer : ts.isParameter(owner) ? owner : undefined;
      } else {
        const access = ref as ts.PropertyAccessExpression | ts.ElementAccessExpression;
        nameNode = ts.isPropertyAccessExpression(access) ? access.name : access.argumentExpression;
        receiver = access.expression;
        let symbol: ts.Symbol | undefined;
        try {
          symbol = checker.getSymbolAtLocation(nameNode);
        } catch {
          symbol = undefined;
        }
        operations = operationsOf(symbol);
      }
      const name = (ts.isIdentifier(nameNode) || ts.isStringLiteralLike(nameNode) ? nameNode.text : "").replace(
        /^#/,
        "",
      );
      const text = `${receiver === undefined ? "…" : short(receiver)}.${name}(…)`;
      if (operations.length > 0) {
        for (const op of operations) sdkCall(nameNode, text, op);
        continue;
      }
      const kind = receiverKind(receiver === undefined ? undefined : typeAt(receiver));
      if (kind.classes.length > 0)
        unclassified(
          nameNode,
          "not-an-operation",
          text,
          `${kind.classes.join(" | ")} has no operation ${name} in the SDK mapping; ${describeOp(name)} has`,
        );
      else if (kind.untyped && input.usesSdk)
        unclassified(
          nameNode,
          "untyped-receiver",
          text,
          `the receiver's type is unknown (any), and ${name} is an SDK operation name: ${describeOp(name)}`,
        );
    }
    // A method the mapping lacks, called on an SDK client: a newer SDK's operation, or a typo.
    for (const access of f.memberCalls) {
      const name = access.name.text;
      if (BASE_API_MEMBERS.has(name)) continue;
      const kind = receiverKind(typeAt(skipOuter(access.expression)), false);
      if (kind.classes.length > 0)
        unclassified(
          access.name,
          "not-an-operation",
          `${short(access.expression)}.${name}(…)`,
          `${kind.classes.join(" | ")} has no operation ${name} in the SDK mapping (${sdkOperationsInfo.sdk.name} ${sdkOperationsInfo.sdk.version})`,
        );
    }
    // 2. `api[name]`: the name's possible values, when the receiver is an SDK client.
    for (const access of f.computedCalls) {
      const kind = receiverKind(typeAt(skipOuter(access.expression)), false);
      if (kind.classes.length === 0 && !(kind.untyped && input.usesSdk)) continue;
      const keys = ev.evaluate(access.argumentExpression, undefined, true);
      const text = `${short(skipOuter(access.expression))}[${short(access.argumentExpression)}](…)`;
      const names = keys?.every((k) => !k.cut && !k.text.includes("\uE000")) ? keys.map((k) => k.text) : undefined;
      if (kind.classes.length === 0) {
        // An untyped receiver: only a name the SDK has makes it a possible SDK call.
        const named = (names ?? []).filter((n) => sdk.byMethod.has(n));
        if (named.length > 0)
          unclassified(
            access.argumentExpression,
            "untyped-receiver",
            text,
            `the receiver's type is unknown (any), and the name may be an SDK operation: ${named.map(describeOp).join(", ")}`,
          );
        continue;
      }
      if (names === undefined || names.length > MAX_ALTERNATIVES) {
        unclassified(
          access.argumentExpression,
          "computed-name",
          text,
          `which ${kind.classes.join(" | ")} operation is called is known only at run time`,
        );
        continue;
      }
      for (const n of names) {
        const op = kind.classes.map((c) => `${c}.${n.replace(/Raw$/, "")}`).find((o) => sdk.byName.has(o));
        if (op !== undefined) sdkCall(access.argumentExpression, text, op);
        else
          unclassified(
            access.argumentExpression,
            "not-an-operation",
            text,
            `${kind.classes.join(" | ")} has no operation ${n} in the SDK mapping`,
          );
      }
    }
    if (ev.budget.exhausted) exhausted.push(f.sf.fileName);
  }

  // 3. URL values: every string expression and every name in a value position, read across modules.
  const occurrences = new Map<ts.Expression, Occurrence>();
  const argsAt = new Map<ts.CallExpression | ts.NewExpression, Occurrence[]>();
  const classify = (values: Values): UrlKind[] => values.map((v) => classifyUrl(v.text, bases));
  for (const f of scanned) {
    ev.budget = budgetFor(f.sf);
    const visit = (start: ts.Expression, topLevelName: boolean): void => {
      const node = climb(start);
      if (occurrences.has(node)) return;
      if (topLevelName && node === start) {
        // A bare name passed on: only its declared value counts (no type lookups for every argument).
        const decl = ev.declarationOf(node);
        if (decl === undefined) return;
      }
      const values = ev.evaluate(node);
      if (values === undefined) return;
      const kinds = classify(values);
      if (kinds.some((k) => k.kind === "base")) definite = true;
      if (!kinds.some(isDynamic)) return;
      const occ: Occurrence = { node, at: start, values, kinds };
      occurrences.set(node, occ);
    };
    for (const root of f.stringRoots) visit(root, false);
    for (const ref of f.valueRefs) visit(ref, true);
    if (ev.budget.exhausted && !exhausted.includes(f.sf.fileName)) exhausted.push(f.sf.fileName);
  }

  // Where each occurrence ends up.
  const contextOf = (node: ts.Expression): Context => {
    const { parent, child } = valueParent(node);
    if (
      (ts.isCallExpression(parent) || ts.isNewExpression(parent)) &&
      parent.arguments?.includes(child as ts.Expression)
    )
      return { kind: "arg", call: parent, index: parent.arguments.indexOf(child as ts.Expression) };
    if (ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent)) {
      const key = staticName(parent.name) ?? "";
      if (BASE_KEYS.has(key)) return { kind: "none" };
      if (URL_KEYS.has(key) && ts.isObjectLiteralExpression(parent.parent))
        return { kind: "config", object: parent.parent };
      return { kind: "definition", decl: parent, name: key };
    }
    if (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isParameter(parent))
      return { kind: "definition", decl: parent, name: nameOf(parent.name) };
    if (ts.isExportAssignment(parent)) return { kind: "definition", decl: parent, name: "default" };
    if (
      ts.isBinaryExpression(parent) &&
      parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      parent.right === child
    ) {
      const decl = ev.declarationOf(parent.left);
      return decl === undefined
        ? { kind: "stray", why: `assigned to ${short(parent.left)}` }
        : { kind: "definition", decl, name: nameOf(parent.left) };
    }
    if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === child)) {
      const fn = ts.isArrowFunction(parent) ? parent : enclosingFunction(parent);
      return fn === undefined
        ? { kind: "none" }
        : {
            kind: "definition",
            decl: fn,
            name: `${fn.name === undefined ? "a function" : nameOf(fn.name)}()'s result`,
          };
    }
    if (ts.isArrayLiteralExpression(parent)) return { kind: "stray", why: "an element of an array" };
    if (ts.isSpreadElement(parent) || ts.isYieldExpression(parent)) return { kind: "stray", why: "passed on" };
    return { kind: "none" };
  };

  // 4. Requests: every call is looked at once, with the URL values handed to it.
  const methodFrom = (source: MethodSource, args: readonly ts.Expression[], env: Env | undefined): MethodResult => {
    if ("fixed" in source) return { methods: [source.fixed], bound: false };
    if ("arg" in source) {
      const a = args[source.arg];
      return a === undefined ? { unknown: "no method given", params: [] } : ev.methods(a, env);
    }
    const options = args[source.options];
    if (options === undefined)
      return source.fallback === undefined
        ? { unknown: "no method given", params: [] }
        : { methods: [source.fallback], bound: false };
    return methodOfOptions(options, env, source.fallback);
  };
  /** The method an options object sends: the last `method` wins; a spread after it that may set one makes it unknown. */
  const methodOfOptions = (
    expr: ts.Expression,
    env: Env | undefined,
    fallback: string | undefined,
    depth = 0,
  ): MethodResult => {
    const found = ev.objectLiteral(expr, env);
    if ("unknown" in found)
      return { unknown: `the request options are not seen whole: ${found.unknown}`, params: [...(found.params ?? [])] };
    const bound = found.env !== env;
    let state: MethodResult | undefined;
    for (const p of found.object.properties) {
      if (ts.isSpreadAssignment(p)) {
        if (depth > MAX_INLINE_DEPTH) return { unknown: "options spread too deep to follow", params: [] };
        const inner = methodOfOptions(p.expression, found.env, undefined, depth + 1);
        if ("unknown" in inner && inner.unknown === "no method given") continue;
        state =
          "unknown" in inner
            ? { ...inner, unknown: `a spread (...${short(p.expression)}) may set the method: ${inner.unknown}` }
            : inner;
        continue;
      }
      const name = p.name === undefined ? undefined : staticName(p.name);
      if (name === undefined) {
        state = { unknown: "a computed property name may be method", params: [] };
        continue;
      }
      if (name !== "method") continue;
      if (ts.isPropertyAssignment(p)) state = ev.methods(p.initializer, found.env);
      else if (ts.isShorthandPropertyAssignment(p)) state = ev.methods(p.name, found.env);
      else state = { unknown: "method is a getter or function", params: [] };
    }
    if (state === undefined)
      return fallback === undefined ? { unknown: "no method given", params: [] } : { methods: [fallback], bound };
    return "methods" in state ? { ...state, bound: state.bound || bound } : { ...state, bound };
  };

  /** A request's URL (joined to its client's base), method and kinds, for a call recognised as a request. */
  const requestOf = (
    call: ts.CallExpression | ts.NewExpression,
    shape: RequestShape,
    env: Env | undefined,
  ): Request | undefined => {
    const args = call.arguments ?? [];
    const clientBase = (): Values | undefined => {
      const base = shape.client?.base;
      if (shape.client === undefined) return undefined;
      return base === undefined ? undefined : (ev.evaluate(base.expr, base.env, true) ?? [hole("baseURL")]);
    };
    if (shape.kind === "url") {
      const urlArg = args[shape.urlIndex];
      if (urlArg === undefined) return undefined;
      let values = ev.evaluate(urlArg, env);
      if (values === undefined) return undefined;
      const base = clientBase();
      if (base !== undefined) values = joinBase(base, values);
      return {
        at: urlArg,
        values,
        kinds: classify(values),
        method: methodFrom(shape.method, args, env),
        site: call,
      };
    }
    const configArg = args[shape.configIndex];
    if (configArg === undefined) return undefined;
    const found = ev.objectLiteral(configArg, env);
    if ("unknown" in found) return undefined;
    return configRequest(found.object, found.env, call, shape.client === undefined ? undefined : clientBase(), "GET");
  };
  /** `{ url, method, baseURL }`: an axios-style request config. */
  const configRequest = (
    object: ts.ObjectLiteralExpression,
    env: Env | undefined,
    site: ts.Node,
    clientBase: Values | undefined,
    fallback: string | undefined,
  ): Request | undefined => {
    let urlExpr: ts.Expression | undefined;
    for (const key of URL_KEYS) urlExpr ??= propertyNamed(object, key);
    if (urlExpr === undefined) return undefined;
    used.add(object);
    let values = ev.evaluate(urlExpr, env);
    if (values === undefined) return undefined;
    const baseExpr = propertyNamed(object, "baseURL") ?? propertyNamed(object, "prefixUrl");
    const base = baseExpr === undefined ? clientBase : ev.evaluate(baseExpr, env);
    if (base !== undefined) values = joinBase(base, values);
    return { at: urlExpr, values, kinds: classify(values), method: methodOfOptions(object, env, fallback), site };
  };

  // Helpers: the requests a function's body sends, found once per function.
  const helperCalls = new Map<ts.Node, (ts.CallExpression | ts.NewExpression)[]>();
  const callsIn = (fn: ts.FunctionLikeDeclaration): (ts.CallExpression | ts.NewExpression)[] => {
    const cached = helperCalls.get(fn);
    if (cached !== undefined) return cached;
    const calls: (ts.CallExpression | ts.NewExpression)[] = [];
    const stack: ts.Node[] = fn.body === undefined ? [] : [fn.body];
    let seen = 0;
    while (stack.length > 0 && seen++ < MAX_HELPER_NODES) {
      const n = stack.pop() as ts.Node;
      if (ts.isCallExpression(n) || ts.isNewExpression(n)) calls.push(n);
      ts.forEachChild(n, (c) => {
        stack.push(c);
      });
    }
    helperCalls.set(fn, calls);
    return calls;
  };
  const helperOf = (call: ts.CallExpression | ts.NewExpression): ts.FunctionLikeDeclaration | undefined => {
    const fn = functionOf(ev.declarationOf(call.expression));
    if (
      fn === undefined ||
      fn.getSourceFile().isDeclarationFile ||
      fn.getSourceFile().fileName.includes("/node_modules/")
    )
      return undefined;
    return fn;
  };
  /** True when a request inside a helper is fully known without its caller: it is reported where it stands. */
  const standalone = new Map<ts.Node, boolean>();
  const determinedAlone = (call: ts.CallExpression | ts.NewExpression, shape: RequestShape): boolean => {
    let known = standalone.get(call);
    if (known === undefined) {
      const r = requestOf(call, shape, undefined);
      known =
        r !== undefined &&
        "methods" in r.method &&
        r.values.every((v, i) => !v.cut && (r.kinds[i] as UrlKind).kind !== "undetermined");
      standalone.set(call, known);
    }
    return known;
  };
  /** True when `fn` (or a helper it calls) sends a request: only such functions are read at their call sites. */
  const sends = new Map<ts.Node, boolean>();
  const sendsRequests = (fn: ts.FunctionLikeDeclaration, depth = 0): boolean => {
    const cached = sends.get(fn);
    if (cached !== undefined) return cached;
    sends.set(fn, false);
    let answer = false;
    for (const call of callsIn(fn)) {
      if (requests.knownShape(call) !== undefined || requests.genericShape(call) !== undefined) answer = true;
      else if (depth < MAX_INLINE_DEPTH && (call.arguments?.length ?? 0) > 0) {
        const inner = helperOf(call);
        answer = inner !== undefined && inner !== fn && sendsRequests(inner, depth + 1);
      }
      if (answer) break;
    }
    sends.set(fn, answer);
    return answer;
  };
  /** What a call is: a known request, a helper that sends requests, a request by its shape, or nothing. */
  type Resolved = { readonly shape: RequestShape } | { readonly helper: ts.FunctionLikeDeclaration } | undefined;
  const resolved = new Map<ts.Node, Resolved>();
  const resolveCall = (call: ts.CallExpression | ts.NewExpression): Resolved => {
    if (resolved.has(call)) return resolved.get(call);
    let r: Resolved;
    const known = requests.knownShape(call);
    if (known !== undefined) r = { shape: known };
    else {
      const fn = (call.arguments?.length ?? 0) > 0 && !isBenignCall(call) ? helperOf(call) : undefined;
      if (fn !== undefined && sendsRequests(fn)) r = { helper: fn };
      else {
        const generic = requests.genericShape(call);
        r = generic === undefined ? undefined : { shape: generic };
      }
    }
    resolved.set(call, r);
    return r;
  };
  /** The requests `fn` sends when called with `args`, those its arguments decide. */
  const inline = (
    fn: ts.FunctionLikeDeclaration,
    args: readonly ts.Expression[],
    caller: Env | undefined,
    depth: number,
  ): Request[] => {
    if (depth > MAX_INLINE_DEPTH) return [];
    const env: Env = { fn, args, caller, depth };
    const out: Request[] = [];
    for (const call of callsIn(fn)) {
      const what = resolveCall(call);
      if (what === undefined) continue;
      if ("shape" in what) {
        const r = requestOf(call, what.shape, env);
        if (r === undefined) continue;
        const bound =
          r.values.some((v) => v.bound) || ("methods" in r.method ? r.method.bound : r.method.bound === true);
        if (bound && r.kinds.some(isDynamic) && !determinedAlone(call, what.shape)) out.push(r);
      } else if (what.helper !== fn) {
        const found = inline(what.helper, call.arguments ?? [], env, depth + 1);
        if (found.length > 0) inlined.add(what.helper);
        out.push(...found);
      }
    }
    return out;
  };

  /**
   * `api.get("events")` where `api` is imported from a module the scan could not follow: a client whose
   * base URL is unknown. In a project that talks to Dynamic, that may be a Dynamic request.
   */
  const unknownClients: ScanFinding[] = [];
  /** The module a name is imported from, when the scan could not follow that import. */
  const unresolvedImport = (expr: ts.Expression): string | undefined => {
    let root = skipOuter(expr);
    for (
      let i = 0;
      i < 16 &&
      (ts.isPropertyAccessExpression(root) || ts.isCallExpression(root) || ts.isElementAccessExpression(root));
      i++
    )
      root = skipOuter(root.expression);
    if (!ts.isIdentifier(root)) return undefined;
    let symbol: ts.Symbol | undefined;
    try {
      symbol = checker.getSymbolAtLocation(root);
    } catch {
      return undefined;
    }
    if (symbol === undefined || !(symbol.flags & ts.SymbolFlags.Alias)) return undefined;
    if ((checker.getAliasedSymbol(symbol).declarations?.length ?? 0) > 0) return undefined;
    const decl = symbol.declarations?.[0];
    return `${root.text}, imported from ${JSON.stringify((decl && moduleNameOf(decl)) ?? "a module")}`;
  };
  const unknownClient = (call: ts.CallExpression | ts.NewExpression, values: Values, at: ts.Node): void => {
    const callee = skipOuter(call.expression);
    const from = unresolvedImport(ts.isPropertyAccessExpression(callee) ? callee.expression : callee);
    if (from === undefined) return;
    for (const v of values) {
      const text = showHoles(v.text);
      if (!/^[\w{}$.:%~/-]+$/.test(text) || !/[A-Za-z]/.test(text) || /^[a-z][\w+.-]*:/i.test(text)) continue;
      unknownClients.push({
        kind: "unclassified",
        code: "passed-on",
        source: location(at),
        text,
        reason: `requested through ${from}, which the scan could not follow, so its base URL is unknown`,
      });
    }
  };

  /** Reports a request: a call per method and path, or why it cannot be classified. */
  const report = (r: Request, at: ts.Node, enclosing: ts.SignatureDeclaration | undefined): void => {
    r.values.forEach((value, i) => {
      const kind = r.kinds[i] as UrlKind;
      if (!isDynamic(kind)) return;
      const text = showHoles(value.text);
      const params = members(value.params);
      // A parameter of a function around the request: that function is a helper its callers decide.
      const helperParam = (why: string): boolean => {
        const all = [...params, ...("unknown" in r.method ? r.method.params : [])];
        const around = (p: ts.ParameterDeclaration): boolean => {
          for (let n: ts.Node | undefined = enclosing; n !== undefined; n = n.parent) if (n === p.parent) return true;
          return false;
        };
        const mine = all.filter(around);
        const fn = mine[0]?.parent;
        if (fn === undefined) return false;
        helperSites.push({
          fn,
          request: r,
          at,
          why: `${why}, from parameter ${mine.map((p) => nameOf(p.name)).join(", ")}`,
        });
        return true;
      };
      useRefs([value]);
      if (value.cut) {
        unclassified(at, "too-complex", text, "the URL is too long or has too many alternatives to follow whole");
        return;
      }
      if (kind.kind === "undetermined") {
        if (!helperParam("the URL is built from its caller's arguments"))
          unclassified(at, "runtime-url", text, `the endpoint is built at run time: ${kind.why}`);
        return;
      }
      if (kind.kind !== "path") return;
      if ("unknown" in r.method) {
        if (!helperParam("the method comes from its caller"))
          pathFinding(
            {
              kind: "unclassified",
              code: "unknown-method",
              source: location(at),
              text,
              reason: `cannot tell the HTTP method: ${r.method.unknown}${catalogMethods(kind.path)}`,
            },
            kind,
          );
        return;
      }
      for (const method of r.method.methods)
        pathFinding({ kind: "call", via: "url", source: location(at), text, call: { method, path: kind.path } }, kind);
    });
  };

  for (const occ of occurrences.values()) {
    const ctx = contextOf(occ.node);
    if (ctx.kind === "arg") argsAt.set(ctx.call, [...(argsAt.get(ctx.call) ?? []), occ]);
    else if (ctx.kind === "config") {
      const { object } = ctx;
      const holder = valueParent(object);
      const call =
        (ts.isCallExpression(holder.parent) || ts.isNewExpression(holder.parent)) &&
        holder.parent.arguments?.includes(holder.child as ts.Expression)
          ? holder.parent
          : undefined;
      const what = call === undefined ? undefined : resolveCall(call);
      if (call !== undefined && what !== undefined && ("helper" in what || what.shape.kind === "config"))
        argsAt.set(call, [...(argsAt.get(call) ?? []), occ]);
      else if (
        object.properties.some((p) => p.name !== undefined && staticName(p.name) === "method") ||
        ts.isSpreadAssignment(object.properties[0] ?? object)
      ) {
        const r = configRequest(object, undefined, object, undefined, undefined);
        if (r !== undefined) report(r, occ.at, enclosingFunction(object));
      } else if (call !== undefined) argsAt.set(call, [...(argsAt.get(call) ?? []), occ]);
      else definitions.push({ occ, decl: object, name: "an object's URL" });
    } else if (ctx.kind === "definition") definitions.push({ occ, decl: ctx.decl, name: ctx.name });
    else if (ctx.kind === "stray") {
      useRefs(occ.values);
      occ.kinds.forEach((k, i) => {
        if (k.kind === "path" || k.kind === "undetermined")
          pathFinding(
            {
              kind: "unclassified",
              code: "not-sent",
              source: location(occ.at),
              text: showHoles((occ.values[i] as Values[number]).text),
              reason: `${ctx.why}: scopewise cannot tell which request sends it`,
            },
            k,
          );
      });
    }
  }

  for (const f of scanned) {
    ev.budget = budgetFor(f.sf);
    for (const call of f.calls) {
      const handed = argsAt.get(call) ?? [];
      const what = resolveCall(call);
      const passedOn = (occ: Occurrence, why: string): void => {
        useRefs(occ.values);
        occ.kinds.forEach((k, i) => {
          if (isDynamic(k))
            pathFinding(
              {
                kind: "unclassified",
                code: "passed-on",
                source: location(occ.at),
                text: showHoles((occ.values[i] as Values[number]).text),
                reason: why,
              },
              k,
            );
        });
      };
      if (what !== undefined && "shape" in what) {
        const { shape } = what;
        const r = requestOf(call, shape, undefined);
        if (r !== undefined) {
          report(r, r.at, enclosingFunction(call));
          if (shape.client === undefined && !r.kinds.some(isDynamic)) unknownClient(call, r.values, r.at);
        }
        // `fetch(ORIGINS_URL)` with the URL imported from a module the scan could not follow.
        const sent = shape.kind === "url" ? call.arguments?.[shape.urlIndex] : undefined;
        const from = sent === undefined || r?.kinds.some(isDynamic) ? undefined : unresolvedImport(sent);
        if (from !== undefined && sent !== undefined)
          unknownClients.push({
            kind: "unclassified",
            code: "passed-on",
            source: location(sent),
            text: short(sent),
            reason: `the URL is ${from}, which the scan could not follow`,
          });
        const urlArg = shape.kind === "url" ? call.arguments?.[shape.urlIndex] : call.arguments?.[shape.configIndex];
        for (const occ of handed)
          if (urlArg === undefined || occ.node.pos < urlArg.pos || occ.node.end > urlArg.end)
            passedOn(occ, `passed to ${calleeText(call)}(…) but not as the URL it requests`);
        continue;
      }
      // A helper that sends requests: what it sends with these arguments.
      if (what !== undefined) {
        const sent = inline(what.helper, call.arguments ?? [], undefined, 1);
        inlined.add(what.helper);
        for (const occ of handed) useRefs(occ.values);
        const at = handed[0]?.at ?? call.arguments?.[0] ?? call;
        for (const r of sent) report(r, at, enclosingFunction(call));
        if (sent.length > 0) continue;
      }
      if (isBenignCall(call)) continue;
      // `api("gates/x")`: an imported client called directly, from a module the scan could not follow.
      const first = call.arguments?.[0];
      if (
        what === undefined &&
        handed.length === 0 &&
        first !== undefined &&
        ts.isIdentifier(skipOuter(call.expression))
      ) {
        const values = ev.evaluate(first);
        if (values !== undefined && values.some((v) => v.text.includes("/"))) unknownClient(call, values, first);
      }
      for (const occ of handed)
        passedOn(occ, `passed to ${calleeText(call)}(…), which scopewise cannot follow to a request`);
    }
    if (ev.budget.exhausted && !exhausted.includes(f.sf.fileName)) exhausted.push(f.sf.fileName);
  }

  // 5. Helpers never called with arguments in the scanned files: their parameter-built requests are open.
  for (const h of helperSites) {
    if (inlined.has(h.fn)) continue;
    useRefs(h.request.values);
    const fnName = h.fn.name === undefined ? "this function" : `${nameOf(h.fn.name)}()`;
    unclassified(
      h.at,
      "helper-parameter",
      showHoles(h.request.values[0]?.text ?? ""),
      `${fnName} sends a Dynamic request whose endpoint or method comes from its parameters (${h.why}); no call of it in the scanned files tells which`,
    );
  }

  // 6. Dynamic URLs defined in the scanned files that nothing reported was built from.
  for (const d of definitions) {
    if (used.has(d.decl)) continue;
    d.occ.kinds.forEach((k, i) => {
      if (!isDynamic(k)) return;
      const text = showHoles((d.occ.values[i] as Values[number]).text);
      pathFinding(
        {
          kind: "unclassified",
          code: "not-sent",
          source: location(d.occ.at),
          text,
          reason: `${d.name} is a Dynamic URL that no request in the scanned files sends, so its method is unknown${k.kind === "path" ? catalogMethods(k.path) : ""}`,
        },
        k,
      );
    });
  }

  // Bare paths count when the project is about Dynamic, or when they are under /environments.
  const dynamicProject = input.usesSdk || definite;
  if (dynamicProject) findings.push(...unknownClients);
  for (const b of bare) {
    const environments = b.path.startsWith("/environments/");
    if (dynamicProject ? known(b.path) || environments : known(b.path) && environments) findings.push(b.finding);
  }
  return { findings, exhausted };
};
