import ts from "typescript";
import { climbBranches } from "./sites.js";
import type { Stability } from "./stability.js";
import { functionOf, skipOuter } from "./syntax.js";

// Calls that read an object handed to them and never change it.
const READERS = new Set([
  ...["fetch", "$fetch", "ofetch", "String", "Number", "Boolean", "structuredClone", "encodeURI", "encodeURIComponent"],
  ...["JSON.stringify", "Object.freeze", "Object.keys", "Object.values", "Object.entries", "Object.isFrozen"],
  ...["Object.getOwnPropertyNames", "Object.create", "Array.isArray", "URL", "Request", "Headers", "URLSearchParams"],
  ...["axios", "ky", "got", "superagent", "needle"],
]);
// Methods of HTTP clients that take a config object and copy what they need (axios, ky, got, ofetch).
const CLIENT_METHODS = new Set(["get", "post", "put", "patch", "delete", "del", "head", "options", "request"]);
const CLIENT_MAKERS = new Set(["create", "extend"]);
/** How many project functions deep an object handed on is followed before it counts as changed. */
const MAX_ESCAPE_DEPTH = 3;

/**
 * True when a name handed on (an argument, an alias, a stored or returned value) cannot change the
 * object it holds: an argument of a call that only reads it (`fetch(url, init)`, `JSON.stringify`, an
 * HTTP client's request), a source of `Object.assign` (not its target), or of a project function that
 * neither changes its parameter nor hands it on. Anything else may change it.
 */
export const escapeIsSafe = (stability: Stability, id: ts.Identifier, depth: number): boolean => {
  const { parent, child } = climbBranches(id);
  if (!(ts.isCallExpression(parent) || ts.isNewExpression(parent))) return false;
  const args: readonly ts.Expression[] = parent.arguments ?? [];
  const index = args.indexOf(child as ts.Expression);
  if (index < 0) return false;
  const callee = skipOuter(parent.expression);
  const text = callee.getText();
  if (READERS.has(text) || text.startsWith("console.")) return true;
  if (text === "Object.assign") return index > 0;
  if (ts.isPropertyAccessExpression(callee)) {
    const name = callee.name.text;
    if (CLIENT_METHODS.has(name) && (index > 0 || name === "request")) return true;
    if (CLIENT_MAKERS.has(name) && !(ts.isIdentifier(callee.expression) && callee.expression.text === "Object"))
      return true;
  }
  if (depth >= MAX_ESCAPE_DEPTH || args.slice(0, index).some(ts.isSpreadElement)) return false;
  const fn = functionOf(stability.resolver.declarationOf(callee));
  const p = fn?.parameters[index];
  if (fn === undefined || p === undefined || p.dotDotDotToken !== undefined) return false;
  const sf = fn.getSourceFile();
  if (sf.isDeclarationFile || sf.fileName.includes("/node_modules/")) return false;
  return !stability.parameterChanged(p, depth + 1);
};
