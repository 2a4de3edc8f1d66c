import ts from "typescript";
import type { Budget, FileFacts } from "./context.js";
import { MAX_ALTERNATIVES, MAX_VALUE_DEPTH } from "./limits.js";
import { objectLiteral } from "./objects.js";
import { evaluateCall } from "./string-calls.js";
import { constructorAssignment, contains, nameOf, propertyNamed, returnedExpression, skipOuter } from "./syntax.js";
import { concat, hole, literal, paramHole, withRef, type Env, type Value, type Values } from "./value.js";

const isPlus = (e: ts.Node): e is ts.BinaryExpression =>
  ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken;

/**
 * Resolves names to declarations (through imports and re-exports, with the checker) and string
 * expressions to their possible texts. Every step is paid from a per-file budget and values nest at
 * most {@link MAX_VALUE_DEPTH} deep, so a hostile file runs out instead of running on; a declaration's
 * value is computed once.
 */
export class Evaluator {
  private readonly memo = new Map<ts.Node, Values | null>();
  // The checker resolves a name anew each time it is asked; a helper read at 5,000 call sites asks 5,000 times.
  private readonly declarations = new Map<ts.Node, ts.Node | null>();
  private readonly literalTypes = new Map<ts.Node, Values | null>();
  /** Declarations and helpers being evaluated: a cycle reads as a run-time value. */
  readonly active = new Set<ts.Node>();
  budget: Budget = { steps: Infinity, exhausted: false };

  constructor(
    readonly checker: ts.TypeChecker,
    readonly facts: ReadonlyMap<string, FileFacts>,
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

  /** The declaration a name, property read or call's callee refers to (asked once per node). */
  declarationOf(expr: ts.Expression): ts.Node | undefined {
    const e = skipOuter(expr);
    const cached = this.declarations.get(e);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.findDeclaration(e);
    this.declarations.set(e, found ?? null);
    return found;
  }

  private findDeclaration(e: ts.Expression): ts.Node | undefined {
    const at = ts.isPropertyAccessExpression(e) ? e.name : ts.isElementAccessExpression(e) ? e.argumentExpression : e;
    let symbol = this.symbolOf(at);
    const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
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
    return this.at(expr, env, types ? 1 : 0);
  }

  /** Pays one step; false (and marked) once the file's budget is spent. */
  spend(): boolean {
    if (this.budget.steps <= 0) {
      this.budget.exhausted = true;
      return false;
    }
    this.budget.steps--;
    return true;
  }

  /** @internal {@link evaluate} at a nesting depth. */
  at(expr: ts.Expression, env: Env | undefined, depth: number): Values | undefined {
    if (!this.spend() || depth > MAX_VALUE_DEPTH) return [hole("…", true)];
    const e = skipOuter(expr);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isNumericLiteral(e))
      return [literal(e.text)];
    if (ts.isTemplateExpression(e)) return this.template(e, env, depth, false);
    if (ts.isTaggedTemplateExpression(e)) {
      // String.raw keeps escapes as written; any other tag is read as its template.
      const raw = ts.isPropertyAccessExpression(e.tag) && e.tag.getText() === "String.raw";
      if (ts.isNoSubstitutionTemplateLiteral(e.template))
        return [literal(raw ? (e.template.rawText ?? e.template.text) : e.template.text)];
      return this.template(e.template, env, depth, raw);
    }
    if (isPlus(e)) return this.plus(e, env, depth);
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
    if (ts.isCallExpression(e) || ts.isNewExpression(e)) return evaluateCall(this, e, env, depth);
    return undefined;
  }

  private alternatives(branches: ts.Expression[], env: Env | undefined, depth: number): Values | undefined {
    const all = branches.map((b) => this.at(b, env, depth + 1));
    if (all.every((v) => v === undefined)) return undefined;
    const out: Value[] = [];
    all.forEach((v, i) => {
      for (const x of v ?? [hole(nameOf(branches[i] as ts.Expression))]) if (out.length < MAX_ALTERNATIVES) out.push(x);
    });
    return out;
  }

  private template(t: ts.TemplateExpression, env: Env | undefined, depth: number, raw: boolean): Values {
    const text = (l: ts.TemplateLiteralLikeNode): string => (raw ? (l.rawText ?? l.text) : l.text);
    const parts: Values[] = [[literal(text(t.head))]];
    for (const span of t.templateSpans) {
      parts.push(this.at(span.expression, env, depth + 1) ?? [hole(nameOf(span.expression))]);
      parts.push([literal(text(span.literal))]);
    }
    return concat(parts);
  }

  private plus(e: ts.BinaryExpression, env: Env | undefined, depth: number): Values | undefined {
    // A left-leaning chain flattened with a loop: `a + b + … + z` is 10,000 deep for 10,000 terms.
    const operands: ts.Expression[] = [];
    let left: ts.Expression = e;
    for (let l = skipOuter(left); isPlus(l); l = skipOuter(left)) {
      operands.push(l.right);
      left = l.left;
    }
    operands.push(left);
    operands.reverse();
    const values = operands.map((o) => this.at(o, env, depth + 1));
    if (values.every((v) => v === undefined)) return undefined;
    return concat(values.map((v, i) => v ?? [hole(nameOf(operands[i] as ts.Expression))]));
  }

  /** The nearest inlined call whose function contains `node`: its arguments are what the node's parameters hold. */
  envFor(node: ts.Node, env: Env | undefined): Env | undefined {
    for (let e = env; e !== undefined; e = e.caller) if (contains(e.fn, node)) return e;
    return undefined;
  }

  private reference(e: ts.Expression, env: Env | undefined, depth: number): Values | undefined {
    // process.env.X: configuration, known only at run time.
    if (ts.isPropertyAccessExpression(e) && e.expression.getText() === "process.env") return [hole(nameOf(e))];
    // new URL(…).href is the URL's text.
    if (ts.isPropertyAccessExpression(e) && e.name.text === "href") {
      const v = this.at(e.expression, env, depth + 1);
      if (v !== undefined) return v;
    }
    const decl = this.declarationOf(e);
    const v = decl === undefined ? undefined : this.declarationValue(decl, env, depth);
    return v ?? (depth > 0 ? this.literalType(e) : undefined);
  }

  /** A string literal type (`as const`, a literal union) read from the checker (once per node). */
  literalType(e: ts.Node): Values | undefined {
    const cached = this.literalTypes.get(e);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.readLiteralType(e);
    this.literalTypes.set(e, found ?? null);
    return found;
  }

  private readLiteralType(e: ts.Node): Values | undefined {
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
    const cached = inner === undefined ? this.memo.get(decl) : undefined;
    if (cached !== undefined) return cached ?? undefined;
    if (this.active.has(decl)) return [hole(nameOf(init), true)];
    this.active.add(decl);
    let v: Values | undefined;
    try {
      v = this.at(init, inner, depth + 1);
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
      if (arg === undefined) return p.initializer ? this.at(p.initializer, e, depth + 1) : [hole(nameOf(p.name))];
      // `bound` marks what the outermost inlined call's arguments decide.
      const v = this.at(arg, e.caller, depth + 1) ?? [hole(nameOf(arg))];
      return v.map((x) => ({ ...x, bound: x.bound || e.depth === 1 }));
    }
    // Not bound by an inlined call: what its declared type allows (`verb: "GET" | "DELETE"`), else a
    // run-time value the caller decides (its default when the caller gives none), marked as the parameter's.
    const typed = this.literalType(p.name);
    if (typed !== undefined) return typed;
    // A default is one value; what callers pass is the other.
    const initial = p.initializer === undefined ? undefined : this.at(p.initializer, env, depth + 1);
    return [...(initial ?? []), paramHole(p, nameOf(p.name))].slice(-MAX_ALTERNATIVES);
  }

  /** `{ path }` in a parameter or a `const { a } = obj`: the property of the bound object literal. */
  private bindingElement(b: ts.BindingElement, env: Env | undefined, depth: number): Values | undefined {
    const pattern = b.parent;
    const key = b.propertyName ?? b.name;
    const keyText = ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined;
    if (!ts.isObjectBindingPattern(pattern) || keyText === undefined || b.dotDotDotToken) return undefined;
    const owner = pattern.parent;
    const property = (source: ts.Expression, at: Env | undefined): Values | undefined => {
      const obj = objectLiteral(this, source, at);
      const prop = "object" in obj ? propertyNamed(obj.object, keyText) : undefined;
      return prop === undefined ? undefined : this.at(prop, "object" in obj ? obj.env : undefined, depth + 1);
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
      ? property(owner.initializer, this.envFor(owner, env))
      : undefined;
  }
}
