import type { Node } from "@babel/types";

const SKIP = new Set([
  "loc",
  "start",
  "end",
  "extra",
  "range",
  "comments",
  "leadingComments",
  "trailingComments",
  "innerComments",
  "errors",
  "tokens",
]);

/** Visits every node depth-first with its ancestors (nearest last); no scope analysis, no dependency. */
export const walk = (root: Node, visit: (node: Node, ancestors: readonly Node[]) => void): void => {
  const ancestors: Node[] = [];
  const go = (node: Node): void => {
    visit(node, ancestors);
    ancestors.push(node);
    for (const key of Object.keys(node)) {
      if (SKIP.has(key)) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) go(child);
      } else if (isNode(value)) go(value);
    }
    ancestors.pop();
  };
  go(root);
};

const isNode = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
