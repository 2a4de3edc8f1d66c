import type ts from "typescript";
import { MAX_ALTERNATIVES, MAX_VALUE_TEXT } from "./limits.js";

// A part of a string known only at run time is written HOLE_OPEN name HOLE_CLOSE in a value's text
// (private-use characters, so a literal `{x}` in the source stays what it is); PARAM_OPEN instead when
// the part is a parameter of an enclosing function that no inlined call binds: its callers decide it.
export const HOLE_OPEN = "\uE000";
export const PARAM_OPEN = "\uE002";
export const HOLE_CLOSE = "\uE001";
const HOLE = /[\uE000\uE002]([^\uE001]*)\uE001/g;

/** A value's text with each run-time part written `{name}`, as the matcher reads params. */
export const showHoles = (text: string): string => text.replace(HOLE, (_, name: string) => `{${name}}`);
export const hasHole = (text: string): boolean => text.includes(HOLE_OPEN) || text.includes(PARAM_OPEN);

/** A persistent list (concatenated in constant time): declarations a value was built from, parameters it reached. */
export type Tree<T> = { readonly leaf: T } | { readonly left: Tree<T>; readonly right: Tree<T> } | undefined;
export const both = <T>(a: Tree<T>, b: Tree<T>): Tree<T> =>
  a === undefined ? b : b === undefined ? a : { left: a, right: b };

/**
 * Flattens a tree into a set: iteratively (a chain of 10,000 parts must not recurse 10,000 deep), each
 * shared subtree once (`a1 = a0 + a0; a2 = a1 + a1; …` shares, so 60 lines would be 2^60 paths).
 */
export const members = <T>(tree: Tree<T>): Set<T> => {
  const out = new Set<T>();
  const seen = new Set<object>();
  const stack: Tree<T>[] = [tree];
  while (stack.length > 0) {
    const t = stack.pop();
    if (t === undefined || seen.has(t)) continue;
    seen.add(t);
    if ("leaf" in t) out.add(t.leaf);
    else stack.push(t.right, t.left);
  }
  return out;
};

/** Why a value's text may not be what runs: it is changed after it is made, or rewritten in a way not computed. */
export interface Unknown {
  readonly code: "reassigned" | "rewritten";
  readonly why: string;
}

/** One possible text of a string expression, and what it was built from. */
export interface Value {
  readonly text: string;
  /** Declarations (and helper functions) whose values went into the text. */
  readonly refs: Tree<ts.Node>;
  /** Parameters of an enclosing function whose run-time value went into the text (nothing bound them). */
  readonly params: Tree<ts.ParameterDeclaration>;
  /** True when an argument of the outermost inlined call went into the text. */
  readonly bound: boolean;
  /** True when a cap cut the evaluation short: the text is not the whole story. */
  readonly cut: boolean;
  /** Set when the text is only what the value was before a change the scan cannot follow: never a call. */
  readonly unknown?: Unknown;
}

/** The texts a string expression can have: one, or a few alternatives (`a ? "x" : "y"`). */
export type Values = readonly Value[];

/** The arguments of an inlined call: a helper's parameters read as what its caller passed. */
export interface Env {
  readonly fn: ts.SignatureDeclaration;
  readonly args: readonly ts.Expression[];
  readonly caller: Env | undefined;
  readonly depth: number;
}

export const literal = (text: string): Value => ({
  text,
  refs: undefined,
  params: undefined,
  bound: false,
  cut: false,
});

const safeName = (name: string): string => name.replace(/[^\w$.-]/g, "").slice(0, 40) || "value";
/** A run-time part named after where it comes from; `cut` when a cap put it there. */
export const hole = (name: string, cut = false): Value => ({
  ...literal(`${HOLE_OPEN}${safeName(name)}${HOLE_CLOSE}`),
  cut,
});

/** A parameter's run-time value: what the function's callers pass. */
export const paramHole = (p: ts.ParameterDeclaration, name: string): Value => ({
  ...literal(`${PARAM_OPEN}${safeName(name)}${HOLE_CLOSE}`),
  params: { leaf: p },
});

/** Two values one after the other; past {@link MAX_VALUE_TEXT} the text is cut and marked. */
export const join2 = (a: Value, b: Value): Value => {
  let text = a.text + b.text;
  let cut = a.cut || b.cut;
  if (text.length > MAX_VALUE_TEXT) {
    text = `${text.slice(0, MAX_VALUE_TEXT)}${HOLE_OPEN}…${HOLE_CLOSE}`;
    cut = true;
  }
  const unknown = a.unknown ?? b.unknown;
  const v = { text, refs: both(a.refs, b.refs), params: both(a.params, b.params), bound: a.bound || b.bound, cut };
  return unknown === undefined ? v : { ...v, unknown };
};

/** The same texts, marked as what the value was before a change the scan cannot follow. */
export const markUnknown = (values: Values, unknown: Unknown): Values =>
  values.map((v) => (v.unknown === undefined ? { ...v, unknown } : v));

/** Every combination of the parts' alternatives, in order; past {@link MAX_ALTERNATIVES}, the first ones, cut. */
export const concat = (parts: readonly Values[]): Values => {
  let acc: Value[] = [literal("")];
  for (const part of parts) {
    const next: Value[] = [];
    let over = false;
    for (const a of acc)
      for (const b of part) {
        if (next.length === MAX_ALTERNATIVES) over = true;
        else next.push(join2(a, b));
      }
    acc = over ? next.map((v) => ({ ...v, cut: true })) : next;
  }
  return acc;
};

/** Each pair of a base and a path, joined by `join`, at most {@link MAX_ALTERNATIVES}. */
const pairs = (base: Values, path: Values, join: (b: string, p: string) => string): Values => {
  const out: Value[] = [];
  for (const b of base)
    for (const p of path) if (out.length < MAX_ALTERNATIVES) out.push({ ...join2(b, p), text: join(b.text, p.text) });
  return out;
};

export const withRef = (values: Values, ref: ts.Node): Values =>
  values.map((v) => ({ ...v, refs: both<ts.Node>(v.refs, { leaf: ref }) }));

const ABSOLUTE = /^(?:[a-z][a-z\d+\-.]*:)?\/\//i;
const ORIGIN = /^(?:[a-z][a-z\d+\-.]*:)?\/\/[^/?#]*/i;

/** `new URL(path, base)`, as the WHATWG parser joins an absolute, root-relative or relative path. */
export const resolveUrl = (base: Values, path: Values): Values =>
  pairs(base, path, (b, p) => {
    if (ABSOLUTE.test(p)) return p;
    if (p.startsWith("/")) return (ORIGIN.exec(b)?.[0] ?? b) + p;
    const cut = b.replace(/[?#].*$/s, "");
    return cut.slice(0, cut.lastIndexOf("/") + 1) + p;
  });

/**
 * Joins a client's base URL and a request path the way axios, ofetch, ky and got do: an absolute
 * URL stands alone; otherwise one `/` between base and path.
 */
export const joinBase = (base: Values, path: Values): Values =>
  pairs(base, path, (b, p) =>
    ABSOLUTE.test(p) ? p : p === "" ? b : `${b.replace(/\/+$/, "")}/${p.replace(/^\/+/, "")}`,
  );
