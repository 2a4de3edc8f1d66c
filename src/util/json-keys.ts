import { parseTree, type Node } from "jsonc-parser";
import { jsonPath, type Issue } from "./errors.js";
import { lineIndex } from "./line-index.js";

/**
 * Keys JSON allows but a document scopewise reads must not have, with their JSON path and line: a key given
 * twice in one object (`JSON.parse` keeps the last value, which a reviewer reading the first would not see),
 * and `__proto__` (it would set a prototype when copied into an object). Empty for text that is not JSON.
 */
export const keyIssues = (text: string, code = "duplicate-key"): Issue[] => {
  try {
    return keyIssuesOf(text, code);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // The parser recurses: a document nested thousands deep is refused rather than read unchecked.
    return [{ code, path: "$", message: "nested too deeply to check its keys" }];
  }
};

const keyIssuesOf = (text: string, code: string): Issue[] => {
  const root = parseTree(text);
  if (root === undefined) return [];
  const at = lineIndex(text);
  const issues: Issue[] = [];
  const visit = (node: Node, path: (string | number)[]): void => {
    if (node.type === "array") node.children?.forEach((child, i) => visit(child, [...path, i]));
    if (node.type !== "object") return;
    const seen = new Map<string, number>();
    for (const property of node.children ?? []) {
      const [keyNode, value] = property.children ?? [];
      if (keyNode === undefined) continue;
      const key = String(keyNode.value);
      const line = at(keyNode.offset).line;
      if (key === "__proto__") {
        issues.push({ code: "forbidden-key", path: jsonPath([...path, key]), line, message: "__proto__ is not a key" });
      } else if (seen.has(key)) {
        const message = `${JSON.stringify(key)} is given twice (first on line ${seen.get(key)}); keep one`;
        issues.push({ code, path: jsonPath([...path, key]), line, message });
      } else seen.set(key, line);
      if (value) visit(value, [...path, key]);
    }
  };
  visit(root, []);
  return issues;
};
