import type { Node } from "@babel/types";

/** A string-building expression read as text: `{name}` stands for each part that could not be resolved. */
export interface LiteralText {
  readonly text: string;
  /** The nodes it was built from, so they are not read again on their own. */
  readonly parts: readonly Node[];
  /** Constants inlined into it: building blocks of this URL rather than URLs of their own. */
  readonly inlined: readonly string[];
}

const isPlus = (node: Node): node is Node & { type: "BinaryExpression" } =>
  node.type === "BinaryExpression" && node.operator === "+";

/** A param name for an unresolved expression: `envId`, `params.envId` → envId, `encodeURIComponent(id)` → id. */
const paramName = (node: Node): string => {
  if (node.type === "Identifier") return node.name;
  if (
    (node.type === "MemberExpression" || node.type === "OptionalMemberExpression") &&
    !node.computed &&
    node.property.type === "Identifier"
  )
    return node.property.name;
  if (
    (node.type === "CallExpression" || node.type === "OptionalCallExpression") &&
    node.arguments.length === 1 &&
    node.arguments[0]
  )
    return paramName(node.arguments[0]);
  if (node.type === "TSAsExpression" || node.type === "TSNonNullExpression") return paramName(node.expression);
  return "param";
};

const flatten = (node: Node): Node[] => (isPlus(node) ? [...flatten(node.left), ...flatten(node.right)] : [node]);
/** Every `+` node of a chain: consumed with it, so a sub-chain is not read again as a URL of its own. */
const chain = (node: Node): Node[] => (isPlus(node) ? [node, ...chain(node.left), ...chain(node.right)] : [node]);

/** How deep constants may refer to constants: enough for `BASE` → `ENV_URL` → `USERS_URL`, and it ends cycles. */
const MAX_DEPTH = 8;

/**
 * Reads a string literal, a template literal or a `+` chain holding one of them as
 * text; identifiers bound by `const` to such an expression (in `constants`) are inlined.
 */
export const literalText = (node: Node, constants: ReadonlyMap<string, Node>, depth = 0): LiteralText | undefined => {
  const pieces = flatten(node);
  if (!pieces.some((p) => p.type === "StringLiteral" || p.type === "TemplateLiteral")) return undefined;
  let text = "";
  const inlinedNames: string[] = [];
  const expression = (e: Node): void => {
    const bound = e.type === "Identifier" && depth < MAX_DEPTH ? constants.get(e.name) : undefined;
    const inlined = bound && literalText(bound, constants, depth + 1);
    if (inlined && e.type === "Identifier") inlinedNames.push(e.name, ...inlined.inlined);
    if (inlined) text += inlined.text;
    else if (e.type === "StringLiteral") text += e.value;
    else text += `{${paramName(e)}}`;
  };
  for (const p of pieces) {
    if (p.type === "TemplateLiteral") {
      p.quasis.forEach((q, i) => {
        text += q.value.cooked ?? q.value.raw;
        const e = p.expressions[i];
        if (e) expression(e);
      });
    } else expression(p);
  }
  return { text, parts: chain(node), inlined: inlinedNames };
};
