import ts from "typescript";
import type { Budget, FileFacts } from "./context.js";
import { MAX_ALTERNATIVES, MAX_INLINE_DEPTH, MAX_VALUE_DEPTH, MAX_VALUE_TEXT } from "./limits.js";

// A part of a string that is only known at run time is written HOLE_OPEN name HOLE_CLOSE in a
// value's text (private-use characters, so a literal `{x}` in the source stays what it is).
export const HOLE_OPEN = "\uE000";
export const HOLE_CLOSE = "\uE001";
const HOLE = /\uE000([^\uE001]*)\uE001/g;

/** A value's text with each run-time part written `{name}`, as the matcher reads params. */
export const showHoles = (text: string): string => text.replace(HOLE, (_, name: string) => `{${name}}`);
export const hasHole = (text: string): boolean => text.includes(HOLE_OPEN);

/** A persistent list (cheap to concatenate): declarations a value was built from, parameters it reached. */
type Tree<T> = { readonly leaf: T } | { readonly left: Tree<T>; readonly right: Tree<T> } | undefined;
const both = <T>(a: Tree<T>, b: Tree<T>): Tree<T> =>
  a === undefined ? b : b === undefined ? a : { left: a, right: b };

/** Flattens a tree into a set (iteratively: a chain of 10,000 parts must not recurse 10,000 deep). */
export const members = <T>(tree: Tree<T>): Set<T> => {
  const out = new Set<T>();
  const stack: Tree<T>[] = [tree];
  while (stack.length > 0) {
    const t = stack.pop();
    if (t === undefined) continue;
    if ("leaf" in t) out.add(t.leaf);
    else stack.push(t.right, t.left);
  }
  return out;
};

/** One possible text of a string expression, and what it was built from. */
export interface Value {
  readonly text: string;
  /** Declarations (and helper functions) whose values went into the text. */
  readonly refs: Tree<ts.Node>;
  /** Parameters of the enclosing function whose run-time value went into the text (nothing bound them). */
  readonly params: Tree<ts.ParameterDeclaration>;
  /** True when an argument of an inlined call went into the text. */
  readonly bound: boolean;
  /** True when a cap cut the evaluation short: the text is not the whole story. */
  readonly cut: boolean;
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

const literal = (text: string): Value => ({ text, refs: undefined, params: undefined, bound: false, cut: false });

const safeName = (name: string): string => name.replace(/[^\w$.-]/g, "").slice(0, 40) || "value";
export const hole = (name: string, cut = false): Value => ({
  ...literal(`${HOLE_OPEN}${safeName(name)}${HOLE_CLOSE}`),
  cut,
});

const join2 = (a: Value, b: Value): Value => {
  let text = a.text + b.text;
  let cut = a.cut || b.cut;
  if (text.length > MAX_VALUE_TEXT) {
    text = `${text.slice(0, MAX_VALUE_TEXT)}${HOLE_OPEN}…${HOLE_CLOSE}`;
    cut = true;
  }
  return { text, refs: both(a.refs, b.refs), params: both(a.params, b.params), bound: a.bound || b.bound, cut };
};

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

const mapValues = (values: Values, f: (text: string) => string): Values =>
  values.map((v) => ({ ...v, text: f(v.text) }));

const withRef = (values: Values, ref: ts.Node): Values =>
  values.map((v) => ({ ...v, refs: both<ts.Node>(v.refs, { leaf: ref }) }));

/** Parentheses, casts, `!` and `satisfies` around an expression. */
export const skipOuter = (expr: ts.Expression): ts.Expression => {
  let e = expr;
  for (;;) {
    if (
      ts.isParenthesizedExpression(e) ||
      ts.isAsExpression(e) ||
      ts.isTypeAssertionExpression(e) ||
      ts.isNonNullExpression(e) ||
      ts.isSatisfiesExpression(e)
    )
      e = e.expression;
    else return e;
  }
};

const isFunctionLike = (node: ts.Node): node is ts.FunctionLikeDeclaration & { body: ts.ConciseBody } =>
  (ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isConstructorDeclaration(node)) &&
  node.body !== undefined;

/** The function-like node a declaration stands for: `function f`, `const f = () => …`, `m() {}`. */
export const functionOf = (
  decl: ts.Node | undefined,
): (ts.FunctionLikeDeclaration & { body: ts.ConciseBody }) | undefined => {
  if (decl === undefined) return undefined;
  if (isFunctionLike(decl)) return decl;
  const init =
    ts.isVariableDeclaration(decl) || ts.isPropertyAssignment(decl) || ts.isPropertyDeclaration(decl)
      ? decl.initializer
      : undefined;
  const fn = init === undefined ? undefined : skipOuter(init);
  return fn !== undefined && isFunctionLike(fn) ? fn : undefined;
};

/** The one expression a small function returns: an arrow's body, or a block of declarations and one `return`. */
export const returnedExpression = (fn: ts.FunctionLikeDeclaration): ts.Expression | undefined => {
  const body = fn.body;
  if (body === undefined) return undefined;
  if (!ts.isBlock(body)) return body;
  const last = body.statements.at(-1);
  if (last === undefined || !ts.isReturnStatement(last) || last.expression === undefined) return undefined;
  return body.statements.slice(0, -1).every(ts.isVariableStatement) ? last.expression : undefined;
};

const HTTP_TOKEN = /^[A-Za-z][A-Za-z-]*$/;

/** Resolves names to declarations and string expressions to their possible texts, within a budget. */
export class Evaluator {
  private readonly memo = new Map<ts.Node, Values | null>();
  private readonly active = new Set<ts.Node>();
  budget: Budget = { steps: Infinity, exhausted: false };

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly facts: ReadonlyMap<string, FileFacts>,
  ) {}

  /** The symbol a name or property read stands for, through imports and re-exports; undefined if unknown. */
  symbolOf(node: ts.Node): ts.Symbol | undefined {
    try {
      let s = this.checker.getSymbolAtLocation(node);
      if (s !== undefined && s.flags & ts.SymbolFlags.Alias) s = this.checker.getAliasedSymbol(s);
      return s;
    } catch (error) {
      if (error instanceof RangeError) return undefined;
      throw error;
    }
  }

  /** The declaration a name, property read or call's callee refers to. */
  declarationOf(expr: ts.Expression): ts.Node | undefined {
    const e = skipOuter(expr);
    const at = ts.isPropertyAccessExpression(e) ? e.name : ts.isElementAccessExpression(e) ? e.argumentExpression : e;
    let symbol = this.symbolOf(at);
    if (symbol === undefined) return undefined;
    const decl = symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (decl !== undefined && ts.isShorthandPropertyAssignment(decl)) {
      symbol = this.checker.getShorthandAssignmentValueSymbol(decl);
      if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
      return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    }
    return decl;
  }

  /**
   * The possible texts of `expr`, or undefined when it is not a string the scan can read at all. A name
   * at the top is read from its declaration only, unless `types`: then a literal type counts too.
   */
  evaluate(expr: ts.Expression, env?: Env, types = false): Values | undefined {
    return this.ev(expr, env, types ? 1 : 0);
  }

  private spend(): boolean {
    if (this.budget.steps <= 0) {
      this.budget.exhausted = true;
      return false;
    }
    this.budget.steps--;
    return true;
  }

  private ev(expr: ts.Expression, env: Env | undefined, depth: number): Values | undefined {
    if (!this.spend() || depth > MAX_VALUE_DEPTH) return [hole("…", true)];
    const e = skipOuter(expr);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [literal(e.text)];
    if (ts.isNumericLiteral(e)) return [literal(e.text)];
    if (ts.isTemplateExpression(e)) return this.template(e, env, depth, false);
    if (ts.isTaggedTemplateExpression(e)) {
      const raw = ts.isPropertyAccessExpression(e.tag) && e.tag.getText() === "String.raw";
      if (ts.isNoSubstitutionTemplateLiteral(e.template))
        return [literal(raw ? (e.template.rawText ?? e.template.text) : e.template.text)];
      return this.template(e.template, env, depth, raw);
    }
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return this.plus(e, env, depth);
    if (ts.isConditionalExpression(e)) return this.alternatives([e.whenTrue, e.whenFalse], env, depth);
    if (
      ts.isBinaryExpression(e) &&
      (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
        e.operatorToken.kind === ts.SyntaxKind.BarBarToken)
    ) {
      // `process.env.X ?? ""`: an empty fallback is a missing setting, not another endpoint.
      const v = this.alternatives([e.left, e.right], env, depth);
      const filled = v?.filter((x) => x.text !== "");
      return filled !== undefined && filled.length > 0 ? filled : v;
    }
    if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e))
      return this.reference(e, env, depth);
    if (ts.isCallExpression(e) || ts.isNewExpression(e)) return this.call(e, env, depth);
    return undefined;
  }

  private alternatives(branches: ts.Expression[], env: Env | undefined, depth: number): Values | undefined {
    const all = branches.map((b) => this.ev(b, env, depth + 1));
    if (all.every((v) => v === undefined)) return undefined;
    const out: Value[] = [];
    for (let i = 0; i < all.length; i++) {
      const v = all[i] ?? [hole(nameOf(branches[i] as ts.Expression))];
      for (const x of v) if (out.length < MAX_ALTERNATIVES) out.push(x);
    }
    return out;
  }

  private template(t: ts.TemplateExpression, env: Env | undefined, depth: number, raw: boolean): Values {
    const text = (l: ts.TemplateLiteralLikeNode): string => (raw ? (l.rawText ?? l.text) : l.text);
    const parts: Values[] = [[literal(text(t.head))]];
    for (const span of t.templateSpans) {
      parts.push(this.ev(span.expression, env, depth + 1) ?? [hole(nameOf(span.expression))]);
      parts.push([literal(text(span.literal))]);
    }
    return concat(parts);
  }

  private plus(e: ts.BinaryExpression, env: Env | undefined, depth: number): Values | undefined {
    // A left-leaning chain flattened with a loop: `a + b + … + z` is 10,000 deep for 10,000 terms.
    const operands: ts.Expression[] = [];
    let left: ts.Expression = e;
    for (;;) {
      const l = skipOuter(left);
      if (ts.isBinaryExpression(l) && l.operatorToken.kind === ts.SyntaxKind.PlusToken) {
        operands.push(l.right);
        left = l.left;
      } else {
        operands.push(left);
        break;
      }
    }
    operands.reverse();
    const values = operands.map((o) => this.ev(o, env, depth + 1));
    if (values.every((v) => v === undefined)) return undefined;
    return concat(values.map((v, i) => v ?? [hole(nameOf(operands[i] as ts.Expression))]));
  }

  /** The nearest inlined call whose function contains `node`: its arguments are what the node's parameters hold. */
  private envFor(node: ts.Node, env: Env | undefined): Env | undefined {
    for (let e = env; e !== undefined; e = e.caller) {
      if (e.fn.getSourceFile() === node.getSourceFile() && node.pos >= e.fn.pos && node.end <= e.fn.end) return e;
    }
    return undefined;
  }

  private reference(e: ts.Expression, env: Env | undefined, depth: number): Values | undefined {
    const name = nameOf(e);
    // process.env.X: configuration, known only at run time.
    if (ts.isPropertyAccessExpression(e) && e.expression.getText() === "process.env") return [hole(name)];
    // new URL(…).href is the URL's text.
    if (ts.isPropertyAccessExpression(e) && e.name.text === "href") {
      const v = this.ev(e.expression, env, depth + 1);
      if (v !== undefined) return v;
    }
    const decl = this.declarationOf(e);
    if (decl !== undefined) {
      const v = this.declarationValue(decl, env, depth);
      if (v !== undefined) return v;
    }
    return depth > 0 ? this.literalType(e) : undefined;
  }

  /** A string literal type (`as const`, a literal union) read from the checker. */
  private literalType(e: ts.Node): Values | undefined {
    let type: ts.Type;
    try {
      type = this.checker.getTypeAtLocation(e);
    } catch (error) {
      if (error instanceof RangeError) return undefined;
      throw error;
    }
    const types = type.isUnion() ? type.types : [type];
    if (types.length > MAX_ALTERNATIVES || !types.every((t) => t.isStringLiteral())) return undefined;
    return types.map((t) => literal((t as ts.StringLiteralType).value));
  }

  private declarationValue(decl: ts.Node, env: Env | undefined, depth: number): Values | undefined {
    if (ts.isParameter(decl)) return this.parameter(decl, env, depth);
    if (ts.isBindingElement(decl)) return this.bindingElement(decl, env, depth);
    if (ts.isEnumMember(decl)) {
      const c = this.checker.getConstantValue(decl);
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
    if (init === undefined) return undefined;
    const inner = this.envFor(decl, env);
    if (inner === undefined) {
      const cached = this.memo.get(decl);
      if (cached !== undefined) return cached ?? undefined;
    }
    if (this.active.has(decl)) return [hole(nameOf(init), true)];
    this.active.add(decl);
    let v: Values | undefined;
    try {
      v = this.ev(init, inner, depth + 1);
    } finally {
      this.active.delete(decl);
    }
    const out = v === undefined ? undefined : withRef(v, decl);
    if (inner === undefined && !this.budget.exhausted) this.memo.set(decl, out ?? null);
    return out;
  }

  private parameter(p: ts.ParameterDeclaration, env: Env | undefined, depth: number): Values | undefined {
    const fn = p.parent;
    for (let e = env; e !== undefined; e = e.caller) {
      if (e.fn !== fn) continue;
      if (p.dotDotDotToken) return [hole(nameOf(p.name))];
      const arg = e.args[fn.parameters.indexOf(p)];
      if (arg !== undefined) {
        const v = this.ev(arg, e.caller, depth + 1);
        // `bound` marks what the outermost inlined call's arguments decide.
        return (v ?? [hole(nameOf(arg))]).map((x) => ({ ...x, bound: x.bound || e.depth === 1 }));
      }
      return p.initializer ? this.ev(p.initializer, e, depth + 1) : [hole(nameOf(p.name))];
    }
    // Not bound by an inlined call: what its declared type allows (`verb: "GET" | "DELETE"`), else a
    // run-time value the caller decides (its default when the caller gives none), marked as the parameter's.
    const typed = this.literalType(p.name);
    if (typed !== undefined) return typed;
    const marked = (v: Value): Value => ({ ...v, params: both<ts.ParameterDeclaration>(v.params, { leaf: p }) });
    if (p.initializer !== undefined) {
      const v = this.ev(p.initializer, env, depth + 1);
      if (v !== undefined) return v.map(marked);
    }
    return [marked(hole(nameOf(p.name)))];
  }

  /** `{ path }` in a parameter or a `const { a } = obj`: the property of the bound object literal. */
  private bindingElement(b: ts.BindingElement, env: Env | undefined, depth: number): Values | undefined {
    const pattern = b.parent;
    if (!ts.isObjectBindingPattern(pattern)) return undefined;
    const key = b.propertyName ?? b.name;
    const keyText = ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined;
    if (keyText === undefined || b.dotDotDotToken) return undefined;
    const owner = pattern.parent;
    if (ts.isParameter(owner)) {
      for (let e = env; e !== undefined; e = e.caller) {
        if (e.fn !== owner.parent) continue;
        const arg = e.args[owner.parent.parameters.indexOf(owner)];
        const obj = arg === undefined ? undefined : this.objectLiteral(arg, e.caller);
        const prop = obj && "object" in obj ? propertyNamed(obj.object, keyText) : undefined;
        const v =
          prop === undefined ? undefined : this.ev(prop, obj && "object" in obj ? obj.env : undefined, depth + 1);
        return (v ?? [hole(keyText)]).map((x) => ({ ...x, bound: x.bound || e.depth === 1 }));
      }
      return [{ ...hole(keyText), params: { leaf: owner } }];
    }
    if (ts.isVariableDeclaration(owner) && owner.initializer !== undefined) {
      const obj = this.objectLiteral(owner.initializer, this.envFor(owner, env));
      const prop = obj && "object" in obj ? propertyNamed(obj.object, keyText) : undefined;
      if (prop !== undefined) return this.ev(prop, obj && "object" in obj ? obj.env : undefined, depth + 1);
    }
    return undefined;
  }

  private call(e: ts.CallExpression | ts.NewExpression, env: Env | undefined, depth: number): Values | undefined {
    const args = e.arguments ?? ts.factory.createNodeArray<ts.Expression>();
    const callee = skipOuter(e.expression);
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    const name = ts.isIdentifier(callee) ? callee.text : undefined;
    const first = args[0];
    // new URL(path, base) resolves as a browser does.
    if (ts.isNewExpression(e) && name === "URL" && first !== undefined) {
      const path = this.ev(first, env, depth + 1);
      if (args[1] === undefined || path === undefined) return path;
      return resolveUrl(this.ev(args[1], env, depth + 1) ?? [hole(nameOf(args[1]))], path);
    }
    if (ts.isNewExpression(e)) return undefined;
    if ((name === "String" || name === "encodeURI") && first !== undefined) return this.ev(first, env, depth + 1);
    if (name === "encodeURIComponent" && first !== undefined) {
      const v = this.ev(first, env, depth + 1);
      return v?.every((x) => !hasHole(x.text)) ? mapValues(v, encodeURIComponent) : [hole(nameOf(first))];
    }
    if (method !== undefined && ts.isPropertyAccessExpression(callee)) {
      const receiver = callee.expression;
      if (["toString", "trim", "trimEnd", "trimStart", "valueOf"].includes(method))
        return this.ev(receiver, env, depth + 1);
      if (method === "concat") {
        const parts = [receiver, ...args].map((a) => this.ev(a, env, depth + 1) ?? [hole(nameOf(a))]);
        return this.ev(receiver, env, depth + 1) === undefined ? undefined : concat(parts);
      }
      if ((method === "replace" || method === "replaceAll") && first !== undefined) {
        const base = this.ev(receiver, env, depth + 1);
        if (base === undefined) return undefined;
        const pattern = ts.isStringLiteralLike(skipOuter(first))
          ? (skipOuter(first) as ts.StringLiteralLike).text
          : undefined;
        if (pattern === undefined || args[1] === undefined) return base;
        const replacement = this.ev(args[1], env, depth + 1) ?? [hole(nameOf(args[1]))];
        const out: Value[] = [];
        for (const b of base)
          for (const r of replacement) {
            const pieces = b.text.split(pattern);
            const text = method === "replaceAll" ? pieces.join(r.text) : b.text.replace(pattern, () => r.text);
            if (out.length < MAX_ALTERNATIVES) out.push({ ...join2(b, { ...r, text: "" }), text });
          }
        return out;
      }
      if (method === "join" && ts.isArrayLiteralExpression(skipOuter(receiver))) {
        const sep = first === undefined ? [literal(",")] : (this.ev(first, env, depth + 1) ?? [hole("separator")]);
        const elements = (skipOuter(receiver) as ts.ArrayLiteralExpression).elements;
        const parts: Values[] = [];
        elements.forEach((el, i) => {
          if (i > 0) parts.push(sep);
          parts.push(this.ev(el, env, depth + 1) ?? [hole(nameOf(el))]);
        });
        return concat(parts);
      }
    }
    // A small helper that returns a string: read what it returns for these arguments.
    const fn = functionOf(this.declarationOf(callee));
    const returned = fn === undefined ? undefined : returnedExpression(fn);
    if (fn === undefined || returned === undefined) return undefined;
    const calleeEnv: Env = { fn, args, caller: env, depth: (env?.depth ?? 0) + 1 };
    if (calleeEnv.depth > MAX_INLINE_DEPTH || this.active.has(fn)) return [hole(nameOf(callee), true)];
    this.active.add(fn);
    try {
      const v = this.ev(returned, calleeEnv, depth + 1);
      return v === undefined ? undefined : withRef(v, fn);
    } finally {
      this.active.delete(fn);
    }
  }

  /**
   * The object literal an options expression stands for, seen whole: an inline literal, a bound argument,
   * or a `const` in the same file that the file never mutates. Otherwise why not, and which parameter.
   */
  objectLiteral(
    expr: ts.Expression,
    env: Env | undefined,
    depth = 0,
  ):
    | { readonly object: ts.ObjectLiteralExpression; readonly env: Env | undefined }
    | { readonly unknown: string; readonly params?: readonly ts.ParameterDeclaration[] } {
    const e = skipOuter(expr);
    if (ts.isObjectLiteralExpression(e)) return { object: e, env };
    if (depth > MAX_VALUE_DEPTH || !this.spend()) return { unknown: "too deep to follow" };
    if (ts.isCallExpression(e) && e.expression.getText() === "Object.freeze" && e.arguments[0] !== undefined)
      return this.objectLiteral(e.arguments[0], env, depth + 1);
    if (!ts.isIdentifier(e)) return { unknown: `${nameOf(e)} is not an object literal` };
    const decl = this.declarationOf(e);
    if (decl !== undefined && ts.isParameter(decl)) {
      for (let en = env; en !== undefined; en = en.caller) {
        if (en.fn !== decl.parent) continue;
        const arg = en.args[decl.parent.parameters.indexOf(decl)];
        if (arg !== undefined) return this.objectLiteral(arg, en.caller, depth + 1);
        return decl.initializer
          ? this.objectLiteral(decl.initializer, en, depth + 1)
          : { unknown: `${e.text} is not given` };
      }
      return { unknown: `${e.text} is a parameter`, params: [decl] };
    }
    if (decl !== undefined && ts.isVariableDeclaration(decl) && decl.initializer !== undefined) {
      const sameFile = decl.getSourceFile() === e.getSourceFile();
      const mutated = this.facts.get(decl.getSourceFile().fileName)?.mutated.has(e.text) ?? true;
      if (sameFile && !mutated) return this.objectLiteral(decl.initializer, this.envFor(decl, env), depth + 1);
      return { unknown: sameFile ? `${e.text} is changed after it is made` : `${e.text} is made in another file` };
    }
    return { unknown: `${e.text} is not an object literal in sight` };
  }

  /** The HTTP methods an expression can hold (`"post"`, a const, `a ? "PUT" : "POST"`), or why not. */
  methods(
    expr: ts.Expression,
    env: Env | undefined,
  ):
    | { readonly methods: string[]; readonly bound: boolean }
    | { readonly unknown: string; readonly params: ts.ParameterDeclaration[] } {
    const values = this.evaluate(expr, env, true);
    if (values === undefined)
      return { unknown: `the method ${nameOf(expr)} is not a string scopewise can read`, params: [] };
    const params = values.flatMap((v) => [...members(v.params)]);
    const out = new Set<string>();
    for (const v of values) {
      const from = [...members(v.params)];
      if (from.length > 0)
        return { unknown: `the method comes from parameter ${from.map((p) => nameOf(p.name)).join(", ")}`, params };
      if (v.cut || !HTTP_TOKEN.test(v.text))
        return {
          unknown: hasHole(v.text)
            ? `the method comes from ${showHoles(v.text)}, known only at run time`
            : `${JSON.stringify(v.text)} is not an HTTP method`,
          params,
        };
      out.add(v.text.toUpperCase());
    }
    return { methods: [...out].sort(), bound: values.some((v) => v.bound) };
  }
}

/** `this.x = …` in the constructor, when there is exactly one: what a field without initializer holds. */
const constructorAssignment = (decl: ts.PropertyDeclaration): ts.Expression | undefined => {
  const cls = decl.parent;
  if (!ts.isClassLike(cls) || !ts.isIdentifier(decl.name)) return undefined;
  const ctor = cls.members.find(ts.isConstructorDeclaration);
  const found: ts.Expression[] = [];
  for (const st of ctor?.body?.statements ?? []) {
    if (!ts.isExpressionStatement(st)) continue;
    const x = st.expression;
    if (
      ts.isBinaryExpression(x) &&
      x.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(x.left) &&
      x.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
      x.left.name.text === decl.name.text
    )
      found.push(x.right);
  }
  return found.length === 1 ? found[0] : undefined;
};

/** A property's value in an object literal by its static name; the last one wins. */
export const propertyNamed = (object: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined => {
  let found: ts.Expression | undefined;
  for (const p of object.properties) {
    if (ts.isPropertyAssignment(p) && staticName(p.name) === key) found = p.initializer;
    else if (ts.isShorthandPropertyAssignment(p) && p.name.text === key) found = p.name;
  }
  return found;
};

/** A property name as written: `a`, `"a"`, `["a"]`, `1`; undefined when computed from a value. */
export const staticName = (name: ts.PropertyName): string | undefined => {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name))
    return name.text;
  if (ts.isComputedPropertyName(name)) {
    const e = skipOuter(name.expression);
    if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e)) return e.text;
  }
  return undefined;
};

/** A short name for a run-time value: `envId`, `params.envId` → envId, `encodeURIComponent(id)` → id. */
export const nameOf = (node: ts.Node): string => {
  let n: ts.Node = node;
  for (let i = 0; i < 8; i++) {
    if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) return n.text;
    if (ts.isPropertyAccessExpression(n)) return n.name.text;
    if (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isNonNullExpression(n)) n = n.expression;
    else if (ts.isCallExpression(n) && n.arguments.length === 1) n = n.arguments[0] as ts.Node;
    else if (ts.isCallExpression(n)) n = n.expression;
    else if (ts.isElementAccessExpression(n)) n = n.argumentExpression;
    else if (ts.isStringLiteral(n)) return n.text;
    else break;
  }
  return "value";
};

const ABSOLUTE = /^(?:[a-z][a-z\d+\-.]*:)?\/\//i;

/** `new URL(path, base)`, as the WHATWG parser joins an absolute, root-relative or relative path. */
const resolveUrl = (base: Values, path: Values): Values => {
  const out: Value[] = [];
  for (const b of base)
    for (const p of path) {
      if (out.length === MAX_ALTERNATIVES) break;
      const joined = join2(b, p);
      if (ABSOLUTE.test(p.text)) out.push({ ...joined, text: p.text });
      else if (p.text.startsWith("/")) {
        const origin = /^(?:[a-z][a-z\d+\-.]*:)?\/\/[^/?#]*/i.exec(b.text)?.[0] ?? b.text;
        out.push({ ...joined, text: origin + p.text });
      } else {
        const cut = b.text.replace(/[?#].*$/s, "");
        out.push({ ...joined, text: cut.slice(0, cut.lastIndexOf("/") + 1) + p.text });
      }
    }
  return out;
};

/**
 * Joins a client's base URL and a request path the way axios, ofetch, ky and got do: an absolute
 * URL stands alone; otherwise one `/` between base and path.
 */
export const joinBase = (base: Values, path: Values): Values => {
  const out: Value[] = [];
  for (const b of base)
    for (const p of path) {
      if (out.length === MAX_ALTERNATIVES) break;
      const joined = join2(b, p);
      if (ABSOLUTE.test(p.text)) out.push({ ...joined, text: p.text });
      else if (p.text === "") out.push({ ...joined, text: b.text });
      else out.push({ ...joined, text: `${b.text.replace(/\/+$/, "")}/${p.text.replace(/^\/+/, "")}` });
    }
  return out;
};
