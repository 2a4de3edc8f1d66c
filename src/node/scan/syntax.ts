import ts from "typescript";

/** Any call, `new` included. */
export type AnyCall = ts.CallExpression | ts.NewExpression;

/** A function with a body: what a helper or a URL builder is. */
export type FunctionWithBody = ts.FunctionLikeDeclaration & { body: ts.ConciseBody };

/** Parentheses, casts, `!` and `satisfies` around an expression. */
export const skipOuter = (expr: ts.Expression): ts.Expression => {
  let e = expr;
  while (
    ts.isParenthesizedExpression(e) ||
    ts.isAsExpression(e) ||
    ts.isTypeAssertionExpression(e) ||
    ts.isNonNullExpression(e) ||
    ts.isSatisfiesExpression(e)
  )
    e = e.expression;
  return e;
};

/** The parent of `node` once parentheses, casts and `!` are climbed, and the node directly under it. */
export const valueParent = (node: ts.Node): { parent: ts.Node; child: ts.Node } => {
  let child = node;
  let parent = node.parent;
  while (
    ts.isParenthesizedExpression(parent) ||
    ts.isAsExpression(parent) ||
    ts.isTypeAssertionExpression(parent) ||
    ts.isNonNullExpression(parent) ||
    ts.isSatisfiesExpression(parent)
  ) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
};

/** A property name as written: `a`, `"a"`, `["a"]`, `1`; undefined when computed from a value. */
export const staticName = (name: ts.PropertyName | ts.BindingName): string | undefined => {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name))
    return name.text;
  if (ts.isComputedPropertyName(name)) {
    const e = skipOuter(name.expression);
    if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e)) return e.text;
  }
  return undefined;
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

/** True when an object literal names `key` (`{ method }`, `{ "method": … }`). */
export const hasProperty = (object: ts.ObjectLiteralExpression, key: string): boolean =>
  object.properties.some((p) => p.name !== undefined && staticName(p.name) === key);

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

/** Source text of a node on one line, cut to `max` characters. */
export const short = (node: ts.Node, max = 40): string => {
  const t = node.getText().replace(/\s+/g, " ");
  return t.length > max ? `${t.slice(0, max - 3)}…` : t;
};

/** What a call calls, as written: `dynamicHttp.get`, `fetch`. */
export const calleeText = (call: AnyCall): string => short(skipOuter(call.expression), 60);

const hasBody = (node: ts.Node): node is FunctionWithBody =>
  (ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isConstructorDeclaration(node)) &&
  node.body !== undefined;

/** The function a declaration stands for: `function f`, `const f = () => …`, `m() {}`. */
export const functionOf = (decl: ts.Node | undefined): FunctionWithBody | undefined => {
  if (decl === undefined) return undefined;
  if (hasBody(decl)) return decl;
  const init =
    ts.isVariableDeclaration(decl) || ts.isPropertyAssignment(decl) || ts.isPropertyDeclaration(decl)
      ? decl.initializer
      : undefined;
  const fn = init === undefined ? undefined : skipOuter(init);
  return fn !== undefined && hasBody(fn) ? fn : undefined;
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

/** `this.x = …` in the constructor, when there is exactly one: what a field without initializer holds. */
export const constructorAssignment = (decl: ts.PropertyDeclaration): ts.Expression | undefined => {
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

/** The module an import declaration names. */
export const moduleNameOf = (decl: ts.Node): string | undefined => {
  for (let n: ts.Node | undefined = decl; n !== undefined; n = n.parent)
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) return n.moduleSpecifier.text;
  return undefined;
};

/** The innermost function around a node. */
export const enclosingFunction = (node: ts.Node): ts.SignatureDeclaration | undefined => {
  for (let n = node.parent; n !== undefined; n = n.parent) if (ts.isFunctionLike(n)) return n;
  return undefined;
};

/** True when `inner` lies inside `outer` (same file). */
export const contains = (outer: ts.Node, inner: ts.Node): boolean =>
  outer.getSourceFile() === inner.getSourceFile() && inner.pos >= outer.pos && inner.end <= outer.end;

/** `x`, `this.x`, `a.b.c`, `new X()` (through casts): a receiver typed by a lookup, not inference over calls. */
export const isEntity = (node: ts.Expression): boolean => {
  let n = skipOuter(node);
  for (let i = 0; i < 16; i++) {
    if (ts.isIdentifier(n) || n.kind === ts.SyntaxKind.ThisKeyword) return true;
    if (ts.isNewExpression(n)) return isEntity(n.expression);
    if (!ts.isPropertyAccessExpression(n)) return false;
    n = skipOuter(n.expression);
  }
  return false;
};
