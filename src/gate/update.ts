import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions } from "jsonc-parser";
import type { TokenVerdict } from "./verify.js";

/** What an update changes in one token's scopes. */
export interface PolicyChange<S extends string = string> {
  readonly token: string;
  readonly added: readonly S[];
  readonly removed: readonly string[];
}

// The file's own indentation, so the rewritten array looks like the rest of it.
const formatting = (text: string): FormattingOptions => {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";
  return {
    insertSpaces: !indent.startsWith("\t"),
    tabSize: indent.startsWith("\t") ? 1 : indent.length,
    eol: text.includes("\r\n") ? "\r\n" : "\n",
  };
};

/**
 * The config text with each token's `scopes` set to its minimal set: only those arrays change, so
 * comments, key order and formatting elsewhere stay as they were. Scopes already in the policy keep
 * their order; new ones follow, sorted.
 */
export const updatePolicy = <S extends string>(
  text: string,
  tokens: readonly TokenVerdict<S>[],
): { readonly text: string; readonly changes: PolicyChange<S>[] } => {
  let out = text;
  const changes: PolicyChange<S>[] = [];
  for (const t of tokens) {
    const minimal = new Set<string>(t.minimal);
    const kept = t.policy.filter((s, i) => minimal.has(s) && t.policy.indexOf(s) === i);
    const added = t.minimal.filter((s) => !t.policy.includes(s));
    const removed = t.policy.filter((s) => !minimal.has(s));
    if (added.length === 0 && removed.length === 0) continue;
    const scopes = [...kept, ...[...added].sort()];
    const tree = parseTree(out);
    const node = tree && findNodeAtLocation(tree, ["tokens", t.name, "scopes"]);
    // An array written on one line stays on one line; otherwise jsonc-parser lays it out as the file is indented.
    if (node && !out.slice(node.offset, node.offset + node.length).includes("\n")) {
      const line = `[${scopes.map((s) => JSON.stringify(s)).join(", ")}]`;
      out = `${out.slice(0, node.offset)}${line}${out.slice(node.offset + node.length)}`;
    } else {
      out = applyEdits(out, modify(out, ["tokens", t.name, "scopes"], scopes, { formattingOptions: formatting(out) }));
    }
    changes.push({ token: t.name, added, removed: [...new Set(removed)] });
  }
  return { text: out, changes };
};
