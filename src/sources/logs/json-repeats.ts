import { givenTwice, keyIssues } from "../../util/json-keys.js";
import { mayRepeatKeys } from "../../util/key-precheck.js";
import { HEADER_HOST_KEYS, ROLE_KEYS, STATUS_NESTS } from "./json-fields.js";

// Every key the reader looks at, in any of the places it looks: one set, so a repeat of any of them is caught.
const READ = new Set([...ROLE_KEYS.flat(), ...STATUS_NESTS, "headers", ...HEADER_HOST_KEYS]);
const NEST = new Set<unknown>(STATUS_NESTS);

/** The objects the reader looks in: the line, each nest, and the `headers` of the line or of a nest. */
const isPlace = (path: readonly (string | number)[]): boolean =>
  path.length === 0 ||
  (path.length === 1 && (NEST.has(path[0]) || path[0] === "headers")) ||
  (path.length === 2 && NEST.has(path[0]) && path[1] === "headers");

/**
 * Why a JSON line (`text`, parsed as `o`) is not read: a key the reader looks at given twice in one object
 * it looks in (`JSON.parse` keeps the last, so `{"method":"DELETE","method":"GET"}` would read as a GET
 * while another reader sees the DELETE), also when spelled with escapes. Undefined for a line without one.
 */
export const repeatedField = (text: string, o: unknown): string | undefined => {
  // The exact check parses the line again: only for the few lines the cheap one cannot clear.
  if (!mayRepeatKeys(text, o)) return undefined;
  const issue = keyIssues(text, "duplicate-key", (path, key) => READ.has(key) && isPlace(path))[0];
  if (issue === undefined) return undefined;
  if (issue.path === "$") return `JSON line ${issue.message}`;
  return givenTwice(issue.path);
};
