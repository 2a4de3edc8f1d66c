import { parseTree, type Node } from "jsonc-parser";
import { jsonPath, type Issue } from "./errors.js";
import { lineIndex } from "./line-index.js";

/** Why a value read from a key given twice is read as neither: `line` is where the second one is. */
export const givenTwice = (path: string, line?: number): string =>
  `${path} is given twice${line === undefined ? "" : ` (line ${line})`}: JSON readers disagree on which one counts`;

/** Which keys {@link keyIssues} checks: the path of the object holding the key, and the key. */
export type KeyFilter = (path: readonly (string | number)[], key: string) => boolean;

/**
 * Keys JSON allows but a document scopewise reads must not have, with their JSON path and line: a key given
 * twice in one object (`JSON.parse` keeps the last value, which a reviewer reading the first would not see),
 * and `__proto__` (it would set a prototype when copied into an object). Empty for text that is not JSON.
 * With `only`, just the keys it names are checked (a reader that ignores the rest of a document).
 */
export const keyIssues = (text: string, code = "duplicate-key", only?: KeyFilter): Issue[] => {
  try {
    return keyIssuesOf(text, code, only);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // The parser recurses: a document nested thousands deep is refused rather than read unchecked.
    return [{ code, path: "$", message: "nested too deeply to check its keys" }];
  }
};

const keyIssuesOf = (text: string, code: string, only: KeyFilter | undefined): Issue[] =>
  keyIssuesIn(parseTree(text), lineIndex(text), code, only);

/** {@link keyIssues} of a document already parsed with jsonc-parser's `parseTree`; `at` gives an offset's line. */
export const keyIssuesIn = (
  root: Node | undefined,
  at: (offset: number) => { line: number },
  code = "duplicate-key",
  only?: KeyFilter,
): Issue[] => {
  if (root === undefined) return [];
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
      // A key not checked is still walked into: what is under it may be.
      const checked = only === undefined || only(path, key);
      if (checked && key === "__proto__") {
        issues.push({ code: "forbidden-key", path: jsonPath([...path, key]), line, message: "__proto__ is not a key" });
      } else if (checked && seen.has(key)) {
        const message = `${JSON.stringify(key)} is given twice (first on line ${seen.get(key)}); keep one`;
        issues.push({ code, path: jsonPath([...path, key]), line, message });
      } else seen.set(key, line);
      if (value) visit(value, [...path, key]);
    }
  };
  visit(root, []);
  return issues;
};
