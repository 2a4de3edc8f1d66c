import ts from "typescript";
import type { FileFacts } from "./context.js";
import { isSdkModule, sdkIndex } from "./sdk-stub.js";
import { isEntity, skipOuter, staticName, valueParent } from "./syntax.js";

const isPlus = (node: ts.Node): node is ts.BinaryExpression =>
  ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken;

const isStringish = (node: ts.Node): boolean =>
  ts.isStringLiteral(node) ||
  ts.isNoSubstitutionTemplateLiteral(node) ||
  ts.isTemplateExpression(node) ||
  ts.isTaggedTemplateExpression(node) ||
  isPlus(node);

/** A string expression that is part of a bigger one (a `+` operand, a template part): read with it. */
const isPiece = (node: ts.Node): boolean => {
  const { parent } = valueParent(node);
  return ts.isTemplateSpan(parent) || isPlus(parent) || ts.isTaggedTemplateExpression(parent);
};

const isModuleName = (node: ts.Node, parent: ts.Node): boolean =>
  ts.isImportDeclaration(parent) ||
  ts.isExportDeclaration(parent) ||
  ts.isExternalModuleReference(parent) ||
  (ts.isCallExpression(parent) &&
    (parent.expression.kind === ts.SyntaxKind.ImportKeyword ||
      (ts.isIdentifier(parent.expression) && parent.expression.text === "require")));

/** Where a string is a name rather than a value: keys, module names, JSX attributes, `obj["key"]`. */
const isNameLike = (node: ts.Node, parent: ts.Node): boolean =>
  isModuleName(node, parent) ||
  ((ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isMethodDeclaration(parent) ||
    ts.isEnumMember(parent) ||
    ts.isGetAccessorDeclaration(parent) ||
    ts.isSetAccessorDeclaration(parent)) &&
    parent.name === node) ||
  (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) ||
  ts.isJsxAttribute(parent) ||
  ts.isLiteralTypeNode(parent);

/** Positions where a name's value is handed on: arguments, initializers, returns, branches, elements. */
const isValuePosition = (child: ts.Node, parent: ts.Node): boolean => {
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent))
    return parent.arguments?.includes(child as ts.Expression) ?? false;
  if (
    ts.isVariableDeclaration(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isParameter(parent)
  )
    return parent.initializer === child;
  if (ts.isReturnStatement(parent) || ts.isExportAssignment(parent) || ts.isArrayLiteralExpression(parent)) return true;
  if (ts.isArrowFunction(parent)) return parent.body === child;
  if (ts.isConditionalExpression(parent)) return parent.condition !== child;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsToken) return parent.right === child;
    return (
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.AmpersandAmpersandToken
    );
  }
  return false;
};

/**
 * One walk over a file (an explicit stack: no recursion, whatever the nesting) collecting what the
 * analysis resolves: SDK member references, computed calls, outermost string expressions, names in value
 * positions and calls.
 * Type-only syntax is not entered.
 */
export const walkFile = (sf: ts.SourceFile): FileFacts => {
  const facts: FileFacts = {
    sf,
    sdkRefs: [],
    computedCalls: [],
    memberCalls: [],
    stringRoots: [],
    valueRefs: [],
    calls: [],
    requiresSdk: false,
  };
  const sdk = sdkIndex().byMethod;
  const stack: ts.Node[] = [sf];
  const push = (child: ts.Node): void => {
    stack.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    if (
      ts.isTypeNode(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node) ||
      ts.isImportDeclaration(node)
    )
      continue;
    const kind = node.kind;
    if (kind === ts.SyntaxKind.PropertyAccessExpression) {
      const pa = node as ts.PropertyAccessExpression;
      if (sdk.has(pa.name.text)) facts.sdkRefs.push(pa);
      else if (ts.isCallExpression(pa.parent) && pa.parent.expression === pa && isEntity(pa.expression))
        facts.memberCalls.push(pa);
    } else if (kind === ts.SyntaxKind.ElementAccessExpression) {
      const ea = node as ts.ElementAccessExpression;
      const arg = skipOuter(ea.argumentExpression);
      if (ts.isStringLiteralLike(arg)) {
        if (sdk.has(arg.text)) facts.sdkRefs.push(ea);
      } else if (!ts.isNumericLiteral(arg) && isEntity(ea.expression)) facts.computedCalls.push(ea);
    } else if (kind === ts.SyntaxKind.BindingElement) {
      const be = node as ts.BindingElement;
      const key =
        be.propertyName === undefined
          ? ts.isIdentifier(be.name)
            ? be.name.text
            : undefined
          : staticName(be.propertyName);
      if (key !== undefined && sdk.has(key) && ts.isObjectBindingPattern(be.parent)) facts.sdkRefs.push(be);
    } else if (kind === ts.SyntaxKind.CallExpression || kind === ts.SyntaxKind.NewExpression) {
      const call = node as ts.CallExpression | ts.NewExpression;
      facts.calls.push(call);
      const first = call.arguments?.[0];
      if (first !== undefined && ts.isStringLiteral(first) && isSdkModule(first.text) && isModuleName(first, call))
        facts.requiresSdk = true;
    }
    if (isStringish(node) && !isPiece(node)) {
      const parent = node.parent;
      const leaf = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
      if (!isNameLike(node, parent) && (!leaf || (node as ts.StringLiteralLike).text.includes("/")))
        facts.stringRoots.push(node as ts.Expression);
    } else if (kind === ts.SyntaxKind.Identifier || kind === ts.SyntaxKind.PropertyAccessExpression) {
      const { parent, child } = valueParent(node);
      if (ts.isShorthandPropertyAssignment(parent)) facts.valueRefs.push(node as ts.Expression);
      else if (
        !(ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node) &&
        isValuePosition(child, parent)
      )
        facts.valueRefs.push(node as ts.Expression);
    }
    // Children in reverse, so the stack visits them in source order.
    const mark = stack.length;
    ts.forEachChild(node, push);
    for (let i = mark, j = stack.length - 1; i < j; i++, j--) {
      const t = stack[i] as ts.Node;
      stack[i] = stack[j] as ts.Node;
      stack[j] = t;
    }
  }
  return facts;
};
