import ts from "typescript";
import { declarationValue } from "./declared.js";
import type { Budget } from "./context.js";
import { MAX_ALTERNATIVES, MAX_VALUE_DEPTH } from "./limits.js";
import { Stability } from "./stability.js";
import { evaluateCall } from "./string-calls.js";
import { contains, functionOf, nameOf, skipOuter, type FunctionWithBody } from "./syntax.js";
import { concat, hole, literal, type Env, type Value, type Values } from "./value.js";

const isPlus = (e: ts.Node): e is ts.BinaryExpression =>
  ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken;

/**
 * Resolves names to declarations (through imports and re-exports, with the checker) and string
 * expressions to their possible texts. Every step is paid from a per-file budget and values nest at
 * most {@link MAX_VALUE_DEPTH} deep, so a hostile file runs out instead of running on; a declaration's
 * value is computed once.
 */
export class Evaluator {
  /** Values of declarations read without an inlined call, once each. */
  readonly memo = new Map<ts.Node, Values | null>();
  // The checker resolves a name anew each time it is asked; a helper read at 5,000 call sites asks 5,000 times.
  private readonly declarations = new Map<ts.Node, ts.Node | null>();
  private readonly literalTypes = new Map<ts.Node, Values | null>();
  /** Declarations and helpers being evaluated: a cycle reads as a run-time value. */
  readonly active = new Set<ts.Node>();
  budget: Budget = { steps: Infinity, exhausted: false, deadline: Infinity };
  /** Whether a declaration's first value is what a read sees, program-wide. */
  readonly stability: Stability;

  constructor(
    readonly checker: ts.TypeChecker,
    sources: () => readonly ts.SourceFile[],
  ) {
    this.stability = new Stability(this, sources);
  }

  /** The function a callee stands for, when nothing replaces it (no write, no override in a subclass). */
  functionAt(callee: ts.Expression): FunctionWithBody | undefined {
    const decl = this.declarationOf(callee);
    const fn = functionOf(decl);
    return fn === undefined || this.stability.changesOf(decl as ts.Node) !== undefined ? undefined : fn;
  }

  /** Why the function a callee stands for may be replaced at run time; undefined when it is not, or is no function. */
  replaced(callee: ts.Expression): string | undefined {
    const decl = this.declarationOf(callee);
    const change = functionOf(decl) === undefined ? undefined : this.stability.changesOf(decl as ts.Node);
    return change === undefined ? undefined : "unknown" in change ? change.unknown : `${nameOf(callee)} is reassigned`;
  }

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
    if (this.budget.exhausted) return false;
    if (this.budget.steps <= 0 || ((this.budget.steps & 1023) === 0 && Date.now() > this.budget.deadline)) {
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
    const v = decl === undefined ? undefined : declarationValue(this, decl, env, depth);
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
}
