import { lineIndex } from "../util/line-index.js";
import type { SourceLocation } from "./types.js";

/** Where each scope name is first written in a token's JSON text: `"environment.users.read"` → its line and column. */
export const scopeLocator = (text: string, file: string): ((scope: string) => SourceLocation | undefined) => {
  const at = lineIndex(text);
  return (scope) => {
    const offset = text.indexOf(JSON.stringify(scope));
    return offset === -1 ? undefined : { file, ...at(offset) };
  };
};
