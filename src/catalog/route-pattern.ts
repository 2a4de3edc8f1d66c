import type { TemplateSegment } from "./split-template.js";

/**
 * A character of a plain path: no controls, space, DEL, non-ASCII, `%`, `;` or `\`,
 * and `?`/`#` end the path. Anything else needs the matcher's careful path.
 */
export const PLAIN_PATH_CHAR = "[^\\x00-\\x20\\x7f-\\uffff%;\\\\?#]";
/** An optional plain query or fragment: no controls, space, DEL, non-ASCII or `\`. */
export const PLAIN_QUERY = "(?:[?#][^\\x00-\\x20\\x7f-\\uffff\\\\]*)?";

const PLAIN_SEGMENT = `[^\\x00-\\x20\\x7f-\\uffff%;\\\\?#/]+`;
const PLAIN_LITERAL = new RegExp(`^${PLAIN_SEGMENT}$`);
const SPECIAL = /[.*+?^${}()|[\]\\]/g;

/**
 * @internal A sticky pattern that holds exactly the plain URLs (from the path's first
 * `/`, query included) that are instances of a template: literals compared natively,
 * param segments checked character by character. It lets the fast matcher guess a route
 * cheaply and confirm it in one native pass. Undefined when a literal is not plain itself.
 */
export const routePattern = (segments: readonly TemplateSegment[]): RegExp | undefined => {
  let body = "";
  for (const s of segments) {
    if (s.kind === "param") body += `/${PLAIN_SEGMENT}`;
    else if (PLAIN_LITERAL.test(s.value)) body += `/${s.value.replace(SPECIAL, "\\$&")}`;
    else return undefined;
  }
  return new RegExp(`${body}/?${PLAIN_QUERY}$`, "y");
};
