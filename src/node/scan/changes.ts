import ts from "typescript";
import type { Evaluator } from "./evaluator.js";
import { MAX_ALTERNATIVES } from "./limits.js";
import { where, type Change } from "./stability.js";
import { contains, short } from "./syntax.js";
import { hole, markUnknown, members, type Env, type Value, type Values } from "./value.js";

/** True when a value comes from a parameter of a function that does not hold `decl`: another function's caller. */
const foreign = (v: Value, decl: ts.Node): boolean => [...members(v.params)].some((p) => !contains(p.parent, decl));

/**
 * What a binding holds once its changes are counted: its first value and each plain write's, when every
 * write can be read (`let method = "GET"; if (c) method = "POST"` is GET or POST). A write that cannot be
 * read (`+=`, a value from another function's caller, an object changed in place) marks every value as
 * unknown: each is reported `reassigned`, never as a call.
 */
export const withChanges = (
  ev: Evaluator,
  decl: ts.Node,
  name: string,
  initial: Values | undefined,
  change: Change,
  env: Env | undefined,
  depth: number,
): Values => {
  if ("unknown" in change) return markUnknown(initial ?? [hole(name)], { code: "reassigned", why: change.unknown });
  const all: Value[] = [...(initial ?? [])];
  let why: string | undefined;
  for (const w of change.writes) {
    const v = w.value === undefined ? undefined : ev.at(w.value, ev.envFor(w.node, env), depth + 1);
    if (v === undefined || v.some((x) => x.cut || x.unknown !== undefined || foreign(x, decl))) {
      why ??= `${name} is assigned ${short(w.node, 50)} (${where(w.node)}), which scopewise cannot read`;
      all.push(hole(name));
    } else all.push(...v);
  }
  const listed = all.length > MAX_ALTERNATIVES ? all.slice(0, MAX_ALTERNATIVES).map((v) => ({ ...v, cut: true })) : all;
  return why === undefined ? listed : markUnknown(listed, { code: "reassigned", why });
};
