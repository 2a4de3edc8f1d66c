import ts from "typescript";
import { skipOuter, staticName, valueParent } from "./syntax.js";

/** A place something is written: the target as written, and the value a plain `=` gives it. */
export interface Write {
  /** `x`, `o.p`, `o["p"]`, or the name of a shorthand destructuring target (`({ x } = o)`). */
  readonly target: ts.Expression;
  /** The whole write, for messages. */
  readonly node: ts.Node;
  /** The value of a plain `=`; undefined for `+=`, `++`, `delete`, a destructuring or a loop target. */
  readonly value?: ts.Expression;
}

/** An object changed as a whole: `o[k] = …`, `Object.assign(o, …)`, `defineProperty(o, …)`, `o.push(…)`. */
export interface ObjectChange {
  readonly receiver: ts.Expression;
  readonly node: ts.Node;
}

/** What one file writes and hands on, by name, for the questions {@link Stability} answers. */
export interface FileSites {
  /** Writes by the name written: `x = …` under `x`, `o.p = …` and `o["p"] = …` under `p`. */
  readonly writes: Map<string, Write[]>;
  /** Writes of a property, under every name of the receiver's chain (`a.b.c = …` under `a` and `b`). */
  readonly rooted: Map<string, Write[]>;
  /** Whole-object changes, under every name of the receiver's chain (`a.b` under `a` and `b`). */
  readonly objects: Map<string, ObjectChange[]>;
  /** Names handed on where the object they hold may be changed: arguments, aliases, returns, elements. */
  readonly escapes: Map<string, ts.Identifier[]>;
  /** Members of classes that extend another, by name (fields, methods, accessors, parameter properties). */
  readonly members: Map<string, ts.Node[]>;
  /** Names an import or export renames: `import { a as b }` puts `b` under `a`; default imports under `default`. */
  readonly renames: Map<string, string[]>;
  /**
   * What may rewrite requests: `interceptor` (`x.interceptors.request.use(…)`), `middleware`
   * (`.withMiddleware(…)` and its pre/post forms) and `configuration` (`new Configuration(…)`).
   */
  readonly hooks: Map<string, (ts.CallExpression | ts.NewExpression)[]>;
  /** Calls with arguments, by the name called (`f(…)` under `f`, `o.m(…)` under `m`): a parameter's callers. */
  readonly calls: Map<string, ts.CallExpression[]>;
}

const add = <T>(map: Map<string, T[]>, key: string, value: T): void => {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
};

// Calls that change their first argument's object.
const CHANGERS = new Set([
  "Object.assign",
  "Object.defineProperty",
  "Object.defineProperties",
  "Object.setPrototypeOf",
  "Reflect.set",
  "Reflect.defineProperty",
  "Reflect.deleteProperty",
  "Reflect.setPrototypeOf",
]);
const ARRAY_CHANGES = new Set(["push", "unshift", "splice", "pop", "shift", "reverse", "sort", "fill", "copyWithin"]);

const MIDDLEWARE = new Set(["withMiddleware", "withPreMiddleware", "withPostMiddleware"]);

const isWriteOperator = (kind: ts.SyntaxKind): boolean =>
  kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;

/** True when `child` (under `parent`) is handed on: an argument, an alias, a returned or stored value. */
const handedOn = (child: ts.Node, parent: ts.Node): boolean => {
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent))
    return parent.arguments?.includes(child as ts.Expression) ?? false;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.initializer === child;
  if (ts.isBinaryExpression(parent))
    return parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === child;
  if (ts.isArrowFunction(parent)) return parent.body === child;
  return (
    ts.isShorthandPropertyAssignment(parent) ||
    ts.isArrayLiteralExpression(parent) ||
    ts.isReturnStatement(parent) ||
    ts.isExportAssignment(parent) ||
    ts.isYieldExpression(parent)
  );
};

/** Where a value ends up once branches (`a ? x : y`, `x ?? y`) and casts are climbed. */
export const climbBranches = (node: ts.Node): { parent: ts.Node; child: ts.Node } => {
  let at = valueParent(node);
  for (let i = 0; i < 16; i++) {
    const { parent, child } = at;
    const branch =
      (ts.isConditionalExpression(parent) && parent.condition !== child) ||
      (ts.isBinaryExpression(parent) &&
        [
          ts.SyntaxKind.QuestionQuestionToken,
          ts.SyntaxKind.BarBarToken,
          ts.SyntaxKind.AmpersandAmpersandToken,
        ].includes(parent.operatorToken.kind)) ||
      ts.isAwaitExpression(parent);
    if (!branch) break;
    at = valueParent(parent);
  }
  return at;
};

/** Every name along a receiver: `this.a.b` → `this`, `a`, `b`. */
const chainNames = (expr: ts.Expression): string[] => {
  const out: string[] = [];
  let n = skipOuter(expr);
  for (let i = 0; i < 16; i++) {
    if (ts.isIdentifier(n)) out.push(n.text);
    else if (n.kind === ts.SyntaxKind.ThisKeyword) out.push("this");
    else if (ts.isPropertyAccessExpression(n)) {
      out.push(n.name.text);
      n = skipOuter(n.expression);
      continue;
    } else if (ts.isElementAccessExpression(n)) {
      n = skipOuter(n.expression);
      continue;
    }
    break;
  }
  return out;
};

/** Sites with nothing in them: a file's to fill, or a program's to merge into. */
export const emptySites = (): FileSites => ({
  writes: new Map(),
  rooted: new Map(),
  objects: new Map(),
  escapes: new Map(),
  members: new Map(),
  renames: new Map(),
  hooks: new Map(),
  calls: new Map(),
});

/**
 * One walk over a file (an explicit stack, type syntax not entered) collecting its writes, whole-object
 * changes, names handed on, members of subclasses and renames, each under the name a query looks up.
 */
export const fileSites = (sf: ts.SourceFile): FileSites => {
  const sites = emptySites();
  const changeObject = (receiver: ts.Expression, node: ts.Node): void => {
    for (const name of chainNames(receiver)) add(sites.objects, name, { receiver, node });
  };
  // A target of a write, a destructuring assignment's targets included.
  const property = (key: string, e: ts.PropertyAccessExpression | ts.ElementAccessExpression, w: Write): void => {
    add(sites.writes, key, w);
    for (const name of chainNames(e.expression)) add(sites.rooted, name, w);
  };
  const target = (expr: ts.Expression, node: ts.Node, value?: ts.Expression): void => {
    const e = skipOuter(expr);
    if (ts.isIdentifier(e)) add(sites.writes, e.text, { target: e, node, value });
    else if (ts.isPropertyAccessExpression(e)) property(e.name.text, e, { target: e, node, value });
    else if (ts.isElementAccessExpression(e)) {
      const key = skipOuter(e.argumentExpression);
      if (ts.isStringLiteralLike(key) || ts.isNumericLiteral(key)) property(key.text, e, { target: e, node, value });
      else changeObject(e.expression, node);
    } else if (ts.isObjectLiteralExpression(e)) {
      for (const p of e.properties) {
        if (ts.isShorthandPropertyAssignment(p)) add(sites.writes, p.name.text, { target: p.name, node });
        else if (ts.isPropertyAssignment(p)) target(p.initializer, node);
        else if (ts.isSpreadAssignment(p)) target(p.expression, node);
      }
    } else if (ts.isArrayLiteralExpression(e)) {
      for (const el of e.elements) target(ts.isSpreadElement(el) ? el.expression : el, node);
    } else if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) target(e.left, node);
  };
  const stack: ts.Node[] = [sf];
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    if (ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) continue;
    if (ts.isBinaryExpression(node) && isWriteOperator(node.operatorToken.kind)) {
      const plain = node.operatorToken.kind === ts.SyntaxKind.EqualsToken;
      const left = skipOuter(node.left);
      const pattern = ts.isObjectLiteralExpression(left) || ts.isArrayLiteralExpression(left);
      target(node.left, node, plain && !pattern ? node.right : undefined);
    } else if (
      (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
      (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
    )
      target(node.operand, node);
    else if (ts.isDeleteExpression(node)) target(node.expression, node);
    else if (
      (ts.isForInStatement(node) || ts.isForOfStatement(node)) &&
      !ts.isVariableDeclarationList(node.initializer)
    )
      target(node.initializer, node);
    else if (ts.isCallExpression(node)) {
      const callee = skipOuter(node.expression);
      const first = node.arguments[0];
      const called = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : "";
      if (called !== "" && node.arguments.length > 0) add(sites.calls, called, node);
      const text = callee.getText(sf);
      if (first !== undefined && CHANGERS.has(text)) changeObject(first, node);
      else if (ts.isPropertyAccessExpression(callee) && ARRAY_CHANGES.has(callee.name.text))
        changeObject(callee.expression, node);
      if (/\.interceptors\s*\.\s*request\s*\.\s*use$/.test(text)) add(sites.hooks, "interceptor", node);
      else if (ts.isPropertyAccessExpression(callee) && MIDDLEWARE.has(callee.name.text))
        add(sites.hooks, "middleware", node);
    } else if (ts.isNewExpression(node) && /(?:^|\.)Configuration$/.test(node.expression.getText(sf))) {
      add(sites.hooks, "configuration", node);
    } else if (ts.isIdentifier(node)) {
      const { parent, child } = climbBranches(node);
      if (handedOn(child, parent)) add(sites.escapes, node.text, node);
    } else if ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && node.heritageClauses !== undefined) {
      for (const m of node.members) {
        const name = m.name === undefined ? undefined : staticName(m.name);
        if (name !== undefined) add(sites.members, name, m);
        if (ts.isConstructorDeclaration(m))
          for (const p of m.parameters)
            if (ts.isParameterPropertyDeclaration(p, m) && ts.isIdentifier(p.name)) add(sites.members, p.name.text, p);
      }
    } else if ((ts.isImportSpecifier(node) || ts.isExportSpecifier(node)) && node.propertyName !== undefined)
      add(sites.renames, node.propertyName.text, node.name.text);
    else if (ts.isImportClause(node) && node.name !== undefined) add(sites.renames, "default", node.name.text);
    else if (ts.isExportAssignment(node) && ts.isIdentifier(skipOuter(node.expression)))
      add(sites.renames, (skipOuter(node.expression) as ts.Identifier).text, "default");
    ts.forEachChild(node, (c) => {
      stack.push(c);
    });
  }
  return sites;
};
