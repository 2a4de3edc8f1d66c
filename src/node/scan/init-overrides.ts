import ts from "typescript";
import type { Evaluator } from "./evaluator.js";
import { methodOfOptions } from "./objects.js";
import { short, skipOuter, valueParent } from "./syntax.js";
import type { UnclassifiedCode } from "./types.js";

/** The methods an SDK operation's calls send, and why some cannot be told. */
export interface SentMethods {
  readonly methods: readonly string[];
  readonly unknown?: { readonly code: UnclassifiedCode; readonly why: string };
}

/** How a reference to an operation is called: its `initOverrides` argument (undefined: none), or why not seen. */
type Invocation =
  { readonly init: ts.Expression | undefined } | { readonly unknown: string; readonly code: UnclassifiedCode };

const MAX_ALIAS_DEPTH = 2;

/** The argument at `at` (where initOverrides is); a spread up to it hides it. */
const fromArguments = (args: readonly ts.Expression[], at: number): Invocation =>
  args.slice(0, at + 1).some(ts.isSpreadElement)
    ? { unknown: "its arguments are spread, so its initOverrides are not seen", code: "unknown-method" }
    : { init: args[at] };

/** `op.apply(t, [params, init])`, `Reflect.apply(op, t, [params, init])`: the array seen whole, or not. */
const fromArray = (list: ts.Expression | undefined, at: number): Invocation => {
  if (list === undefined) return { init: undefined };
  const e = skipOuter(list);
  if (!ts.isArrayLiteralExpression(e) || e.elements.slice(0, at + 1).some(ts.isSpreadElement))
    return { unknown: `its arguments (${short(list)}) are known only at run time`, code: "unknown-method" };
  return { init: e.elements[at] };
};

const handedOn = (ref: ts.Node): Invocation => ({
  unknown: `${short(ref)} is handed on, where its second argument (initOverrides: it may set the method) is unseen`,
  code: "passed-on",
});

/** Every use of a local alias (`const del = api.deleteX`, `const { deleteX } = api`), each as an invocation. */
const aliasUses = (ev: Evaluator, decl: ts.Node, name: ts.Identifier, depth: number, bound: number): Invocation[] => {
  const statement = ts.isVariableDeclaration(decl) ? decl.parent.parent : undefined;
  const exported =
    statement !== undefined &&
    ts.isVariableStatement(statement) &&
    (statement.modifiers ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  if (exported || depth > MAX_ALIAS_DEPTH) return [handedOn(name)];
  const out: Invocation[] = [];
  const stack: ts.Node[] = [decl.getSourceFile()];
  while (stack.length > 0) {
    const n = stack.pop() as ts.Node;
    if (ts.isTypeNode(n)) continue;
    if (ts.isIdentifier(n) && n !== name && n.text === name.text && ev.stability.resolvesTo(n, decl))
      out.push(...invocations(ev, n, depth + 1, bound));
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return out;
};

/**
 * How an operation reference (`api.getX`, `api[k]`, a destructured name) is called, wherever it is:
 * directly, through `.call`/`.apply`/`Reflect.apply`, bound (`bound` arguments already given), or a
 * local alias. Handed anywhere else, its second argument is not seen.
 */
const invocations = (ev: Evaluator, ref: ts.Node, depth: number, bound = 0): Invocation[] => {
  if (ts.isBindingElement(ref))
    return ts.isIdentifier(ref.name) ? aliasUses(ev, ref, ref.name, depth, bound) : [handedOn(ref)];
  const at = 1 - bound;
  const { parent, child } = valueParent(ref);
  if (ts.isCallExpression(parent) && parent.expression === child) return [fromArguments(parent.arguments, at)];
  if (ts.isPropertyAccessExpression(parent) && parent.expression === child) {
    const outer = valueParent(parent);
    const call = outer.parent;
    if (!ts.isCallExpression(call) || call.expression !== outer.child) return [handedOn(ref)];
    if (parent.name.text === "call") return [fromArguments(call.arguments, at + 1)];
    if (parent.name.text === "apply") return [fromArray(call.arguments[1], at)];
    if (parent.name.text !== "bind") return [handedOn(ref)];
    const given = call.arguments.slice(1);
    if (given.some(ts.isSpreadElement)) return [fromArguments(call.arguments, at + 1)];
    if (bound + given.length > 1) return [{ init: given[at] }];
    return depth > MAX_ALIAS_DEPTH ? [handedOn(ref)] : invocations(ev, call, depth + 1, bound + given.length);
  }
  if (
    ts.isCallExpression(parent) &&
    parent.arguments[0] === child &&
    skipOuter(parent.expression).getText() === "Reflect.apply"
  )
    return [fromArray(parent.arguments[2], at)];
  if (ts.isVariableDeclaration(parent) && parent.initializer === child && ts.isIdentifier(parent.name))
    return aliasUses(ev, parent, parent.name, depth, bound);
  return [handedOn(ref)];
};

/**
 * The methods an SDK operation sends where it is called: its own, or what its second argument
 * (`initOverrides`, merged over the request the SDK builds) sets. An object literal seen whole without a
 * `method` keeps the operation's; anything not seen whole (a parameter, a function, a spread of unknown
 * options, a prototype) makes it unknown: the operation is then reported as read, and unclassified.
 */
export const sentMethods = (ev: Evaluator, ref: ts.Node, method: string): SentMethods => {
  const methods = new Set<string>();
  const all = invocations(ev, ref, 0);
  if (all.length === 0) methods.add(method);
  for (const inv of all) {
    if ("unknown" in inv) return { methods: [...methods.add(method)], unknown: { code: inv.code, why: inv.unknown } };
    if (inv.init === undefined) {
      methods.add(method);
      continue;
    }
    const r = methodOfOptions(ev, inv.init, undefined, method);
    if ("unknown" in r) {
      const why = `its initOverrides (${short(inv.init)}) may set the method: ${r.unknown}`;
      return { methods: [...methods.add(method)], unknown: { code: r.code ?? "unknown-method", why } };
    }
    for (const m of r.methods) methods.add(m);
  }
  return { methods: [...methods].sort() };
};
