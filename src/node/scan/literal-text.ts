import type { Node } from "@babel/types";

/** A string-building expression read as text: `{name}` stands for each part that could not be resolved. */
export interface LiteralText {
  readonly text: string;
  /** The nodes it was built from, so they are not read again on their own. */
  readonly parts: readonly Node[];
}

const isPlus = (node: Node): node is Node & { type: "BinaryExpression" } => node.type === "BinaryExpression" && node.operator === "+";

/** A param name for an unresolved expression: `envId`, `params.envId` → envId, `encodeURIComponent(id)` → id. */
const paramName = (node: Node): string => {
  if (node.type === "Identifier") return node.name;
  if ((node.type === "MemberExpression" || node.type === "OptionalMemberExpression") && !node.computed && node.property.type === "Identifier") return node.property.name;
  if ((node.type === "CallExpression" || node.type === "OptionalCallExpression") && node.arguments.length === 1 && node.arguments[0]) return paramName(node.arguments[0]);
  if (node.type === "TSAsExpression" || node.type === "TSNonNullExpression") return paramName(node.expression);
  return "param";
};

const flatten = (node: Node): Node[] => (isPlus(node) ? [...flatten(node.left), ...flatten(node.right)] : [node]);
/** Every `+` node of a chain: consumed with it, so a sub-chain is not read again as a URL of its own. */
const chain = (node: Node): Node[] => (isPlus(node) ? [node, ...chain(node.left), ...chain(node.right)] : [node]);

/**
 * Reads a string literal, a template literal or a `+` chain holding one of them as
 * text; identifiers bound to a constant string in `strings` are inlined.
 */
export const literalText = (node: Node, strings: ReadonlyMap<string, string>): LiteralText | undefined => {
  const pieces = flatten(node);
  if (!pieces.some((p) => p.type === "StringLiteral" || p.type === "TemplateLiteral")) return undefined;
  let text = "";
  const expression = (e: Node): void => {
    if (e.type === "Identifier" && strings.has(e.name)) text += strings.get(e.name);
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
  return { text, parts: chain(node) };
};
