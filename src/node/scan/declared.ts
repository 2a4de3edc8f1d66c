import ts from "typescript";
import { withChanges } from "./changes.js";
import type { Evaluator } from "./evaluator.js";
import { objectLiteral } from "./objects.js";
import { constructorAssignment, nameOf, propertyNamed, returnedExpression } from "./syntax.js";
import { hole, literal, paramHole, withRef, type Env, type Values } from "./value.js";
import { MAX_ALTERNATIVES } from "./limits.js";

/**
 * The value a declaration stands for: a parameter (what an inlined call passes, else what its type or
 * default allows), a destructured name, an enum member, or an initializer, each with the writes the
 * program makes to it after (see {@link withChanges}). Memoized per declaration when no call binds it.
 */
export const declarationValue = (
  ev: Evaluator,
  decl: ts.Node,
  env: Env | undefined,
  depth: number,
): Values | undefined => {
  if (ts.isParameter(decl) || ts.isBindingElement(decl)) {
    const v = ts.isParameter(decl) ? parameter(ev, decl, env, depth) : bindingElement(ev, decl, env, depth);
    const change = ev.stability.changesOf(decl);
    if (change === undefined) return v;
    if (ev.active.has(decl)) return [hole(nameOf(decl.name), true)];
    ev.active.add(decl);
    try {
      return withChanges(ev, decl, nameOf(decl.name), v, change, env, depth);
    } finally {
      ev.active.delete(decl);
    }
  }
  if (ts.isEnumMember(decl)) {
    const c = ev.checker.getConstantValue(decl);
    return c === undefined ? undefined : [literal(String(c))];
  }
  const init =
    ts.isVariableDeclaration(decl) || ts.isPropertyAssignment(decl) || ts.isPropertyDeclaration(decl)
      ? (decl.initializer ?? (ts.isPropertyDeclaration(decl) ? constructorAssignment(decl) : undefined))
      : ts.isExportAssignment(decl)
        ? decl.expression
        : ts.isGetAccessorDeclaration(decl)
          ? returnedExpression(decl)
          : undefined;
  const change = ts.isExportAssignment(decl) ? undefined : ev.stability.changesOf(decl);
  if (init === undefined && change === undefined) return undefined;
  const inner = ev.envFor(decl, env);
  const cached = inner === undefined ? ev.memo.get(decl) : undefined;
  if (cached !== undefined) return cached ?? undefined;
  if (ev.active.has(decl)) return [hole(nameOf(init ?? decl), true)];
  ev.active.add(decl);
  let v: Values | undefined;
  try {
    v = init === undefined ? undefined : ev.at(init, inner, depth + 1);
    const name = nameOf((decl as { name?: ts.Node }).name ?? decl);
    if (change !== undefined) v = withChanges(ev, decl, name, v, change, env, depth);
  } finally {
    ev.active.delete(decl);
  }
  const out = v === undefined ? undefined : withRef(v, decl);
  if (inner === undefined && !ev.budget.exhausted) ev.memo.set(decl, out ?? null);
  return out;
};

const parameter = (
  ev: Evaluator,
  p: ts.ParameterDeclaration,
  env: Env | undefined,
  depth: number,
): Values | undefined => {
  const fn = p.parent;
  for (let e = env; e !== undefined; e = e.caller) {
    if (e.fn !== fn) continue;
    if (p.dotDotDotToken) return [hole(nameOf(p.name))];
    const arg = e.args[fn.parameters.indexOf(p)];
    if (arg === undefined) return p.initializer ? ev.at(p.initializer, e, depth + 1) : [hole(nameOf(p.name))];
    // `bound` marks what the outermost inlined call's arguments decide.
    const v = ev.at(arg, e.caller, depth + 1) ?? [hole(nameOf(arg))];
    return v.map((x) => ({ ...x, bound: x.bound || e.depth === 1 }));
  }
  // Not bound by an inlined call: what its declared type allows (`verb: "GET" | "DELETE"`), else a
  // run-time value the caller decides (its default when the caller gives none), marked as the parameter's.
  const typed = ev.literalType(p.name);
  if (typed !== undefined) return typed;
  // A default is one value; what callers pass is the other.
  const initial = p.initializer === undefined ? undefined : ev.at(p.initializer, env, depth + 1);
  return [...(initial ?? []), paramHole(p, nameOf(p.name))].slice(-MAX_ALTERNATIVES);
};

/** `{ path }` in a parameter or a `const { a } = obj`: the property of the bound object literal. */
const bindingElement = (
  ev: Evaluator,
  b: ts.BindingElement,
  env: Env | undefined,
  depth: number,
): Values | undefined => {
  const pattern = b.parent;
  const key = b.propertyName ?? b.name;
  const keyText = ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined;
  if (!ts.isObjectBindingPattern(pattern) || keyText === undefined || b.dotDotDotToken) return undefined;
  const owner = pattern.parent;
  const property = (source: ts.Expression, at: Env | undefined): Values | undefined => {
    const obj = objectLiteral(ev, source, at);
    const prop = "object" in obj ? propertyNamed(obj.object, keyText) : undefined;
    return prop === undefined ? undefined : ev.at(prop, "object" in obj ? obj.env : undefined, depth + 1);
  };
  if (ts.isParameter(owner)) {
    for (let e = env; e !== undefined; e = e.caller) {
      if (e.fn !== owner.parent) continue;
      const arg = e.args[owner.parent.parameters.indexOf(owner)];
      const v = (arg === undefined ? undefined : property(arg, e.caller)) ?? [hole(keyText)];
      return v.map((x) => ({ ...x, bound: x.bound || e.depth === 1 }));
    }
    return [paramHole(owner, keyText)];
  }
  return ts.isVariableDeclaration(owner) && owner.initializer !== undefined
    ? property(owner.initializer, ev.envFor(owner, env))
    : undefined;
};
