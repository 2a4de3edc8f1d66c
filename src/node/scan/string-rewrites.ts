import ts from "typescript";
import type { Evaluator } from "./evaluator.js";
import { MAX_ALTERNATIVES } from "./limits.js";
import { nameOf, short, skipOuter } from "./syntax.js";
import { hasHole, hole, join2, markUnknown, type Env, type Value, type Values } from "./value.js";

/** String methods that cut or pad a text: computed when the text and the numbers are literal. */
export const CUTS_TEXT = new Set(["slice", "substring", "substr", "padStart", "padEnd", "repeat", "at", "charAt"]);
const CUT: Record<string, (s: string, a: number[]) => string> = {
  slice: (s, a) => s.slice(...a),
  substring: (s, a) => s.substring(a[0] ?? 0, a[1]),
  substr: (s, a) => s.substr(a[0] ?? 0, a[1]),
  at: (s, a) => s.at(a[0] ?? 0) ?? "",
  charAt: (s, a) => s.charAt(a[0] ?? 0),
};

/** A number literal (`-5` too), or undefined. */
const numberOf = (expr: ts.Expression): number | undefined => {
  const e = skipOuter(expr);
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand))
    return -Number(e.operand.text);
  return undefined;
};

/**
 * A regular expression whose matching time stays linear enough to run on a file's own text: no
 * back-references, and no quantified group that holds a quantifier or an alternation (`(a+)+`, `(a|a)*`).
 */
export const safeRegex = (source: string): boolean => {
  if (source.length > 200 || /\\[1-9]|\\k</.test(source)) return false;
  const open: { risky: boolean }[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === "[") {
      while (i < source.length && source[i] !== "]") i += source[i] === "\\" ? 2 : 1;
    } else if (c === "(") open.push({ risky: false });
    else if (c === ")") {
      const group = open.pop();
      if (group?.risky === true && /[*+?{]/.test(source[i + 1] ?? "")) return false;
      const outer = open.at(-1);
      if (outer !== undefined && group?.risky === true) outer.risky = true;
    } else if (/[*+{|]/.test(c ?? "") || (c === "?" && source[i - 1] !== "(")) {
      const top = open.at(-1);
      if (top !== undefined) top.risky = true;
    }
  }
  return true;
};

const rewritten = (values: Values, e: ts.Node, what: string): Values =>
  markUnknown(values, {
    code: "rewritten",
    why: `the URL is rewritten by ${short(e, 60)}, and ${what}`,
  });

/**
 * `.replace()`/`.replaceAll()`: computed when exact. A string pattern is replaced in the text, unless a
 * run-time part comes before its first match (it may hold the pattern); a regular expression runs only on
 * a wholly literal text, and only a safe one. Anything else keeps the text, marked rewritten: reported
 * unclassified, never as the URL before the rewrite.
 */
export const replaceCall = (
  ev: Evaluator,
  e: ts.CallExpression,
  receiver: ts.Expression,
  all: boolean,
  env: Env | undefined,
  depth: number,
): Values | undefined => {
  const [first, second] = e.arguments;
  const base = ev.at(receiver, env, depth + 1);
  if (base === undefined || first === undefined) return base;
  const p = skipOuter(first);
  const replacement =
    second === undefined ? [hole("undefined")] : (ev.at(second, env, depth + 1) ?? [hole(nameOf(second))]);
  const regex = ts.isRegularExpressionLiteral(p) ? /^\/(.*)\/([a-z]*)$/s.exec(p.text) : null;
  const patterns = regex === null ? ev.at(first, env, depth + 1) : undefined;
  const out: Value[] = [];
  for (const b of base)
    for (const r of replacement) {
      if (out.length >= MAX_ALTERNATIVES) break;
      const joined = join2(b, { ...r, text: "" });
      if (regex !== null) {
        const [, source = "", flags = ""] = regex;
        if (hasHole(b.text) || hasHole(r.text) || !safeRegex(source) || /\$/.test(r.text))
          return rewritten(base, e, "a regular expression on a run-time text is not computed");
        let text: string;
        try {
          text = b.text.replace(new RegExp(source, flags), r.text);
        } catch {
          return rewritten(base, e, "its regular expression is not one JavaScript reads");
        }
        out.push({ ...joined, text });
        continue;
      }
      const search = patterns?.length === 1 ? patterns[0] : undefined;
      if (search === undefined || hasHole(search.text) || search.text === "")
        return rewritten(base, e, "its pattern is not a known text");
      const at = b.text.indexOf(search.text);
      if (!all && at >= 0 && hasHole(b.text.slice(0, at)))
        return rewritten(base, e, "a run-time part before the pattern may hold it");
      out.push({
        ...joined,
        text: all ? b.text.split(search.text).join(r.text) : b.text.replace(search.text, () => r.text),
      });
    }
  return out;
};

/** `.slice(0, -5)`, `.substring(…)`: computed on a literal text with literal numbers, else marked rewritten. */
export const cutCall = (
  ev: Evaluator,
  e: ts.CallExpression,
  method: string,
  receiver: ts.Expression,
  env: Env | undefined,
  depth: number,
): Values | undefined => {
  const base = ev.at(receiver, env, depth + 1);
  if (base === undefined) return undefined;
  const cut = CUT[method];
  const numbers = e.arguments.map(numberOf);
  if (cut === undefined || numbers.some((n) => n === undefined) || base.some((v) => hasHole(v.text)))
    return rewritten(base, e, "the text it cuts is not wholly known");
  return base.map((v) => ({ ...v, text: cut(v.text, numbers as number[]) }));
};
