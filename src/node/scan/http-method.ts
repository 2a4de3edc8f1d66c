import type { Node } from "@babel/types";

/** The HTTP method a URL expression is used with, `unknown` with why, or `none` when nothing uses it as a URL. */
export type MethodContext =
  | { readonly kind: "method"; readonly method: string }
  | { readonly kind: "unknown"; readonly reason: string }
  | { readonly kind: "none" };

// Client helpers named for the method they send: axios.get, ky.post, got.delete, this.http.put, …
const VERBS = new Set(["get", "post", "put", "patch", "delete", "head", "options"]);
const URL_KEYS = new Set(["url", "path", "uri", "endpoint"]);

const keyName = (p: Node): string | undefined =>
  p.type === "ObjectProperty" && !p.computed
    ? p.key.type === "Identifier"
      ? p.key.name
      : p.key.type === "StringLiteral"
        ? p.key.value
        : undefined
    : undefined;

/** `{ method: "POST" }` → POST; no `method` → the default; a non-literal method → unknown. */
const methodProperty = (options: Node | undefined, fallback: string | undefined): MethodContext => {
  if (options === undefined)
    return fallback ? { kind: "method", method: fallback } : { kind: "unknown", reason: "no method given" };
  if (options.type !== "ObjectExpression")
    return { kind: "unknown", reason: "the request options are not an object literal" };
  const prop = options.properties.find((p) => keyName(p) === "method");
  if (prop === undefined)
    return fallback ? { kind: "method", method: fallback } : { kind: "unknown", reason: "no method property" };
  const value = prop.type === "ObjectProperty" ? prop.value : undefined;
  if (value?.type === "StringLiteral") return { kind: "method", method: value.value.toUpperCase() };
  if (value?.type === "TemplateLiteral" && value.expressions.length === 0)
    return { kind: "method", method: (value.quasis[0]?.value.cooked ?? "").toUpperCase() };
  return { kind: "unknown", reason: "the method is not a string literal" };
};

const calleeName = (callee: Node): string | undefined =>
  callee.type === "Identifier"
    ? callee.name
    : (callee.type === "MemberExpression" || callee.type === "OptionalMemberExpression") &&
        !callee.computed &&
        callee.property.type === "Identifier"
      ? callee.property.name
      : undefined;

/** The HTTP method for an expression used as `arg`, from the call or object around it. */
export const methodOf = (arg: Node, parent: Node | undefined): MethodContext => {
  if (parent === undefined) return { kind: "none" };
  if (
    (parent.type === "CallExpression" || parent.type === "OptionalCallExpression" || parent.type === "NewExpression") &&
    parent.arguments[0] === arg
  ) {
    const name = calleeName(parent.callee);
    if (name === "fetch" || (parent.type === "NewExpression" && name === "Request"))
      return methodProperty(parent.arguments[1] as Node | undefined, "GET");
    if (name !== undefined && VERBS.has(name)) return { kind: "method", method: name.toUpperCase() };
    if (parent.arguments[1]?.type === "ObjectExpression") return methodProperty(parent.arguments[1], undefined);
    return { kind: "none" };
  }
  return { kind: "none" };
};

/** For `{ method: "POST", url: … }`: the method of the object literal holding the URL property. */
export const methodOfObject = (object: Node): MethodContext => {
  if (object.type !== "ObjectExpression" || !object.properties.some((p) => keyName(p) === "method"))
    return { kind: "none" };
  return methodProperty(object, undefined);
};

/** True when `arg` is the value of a `url`/`path`/… property. */
export const isUrlProperty = (arg: Node, parent: Node | undefined): boolean =>
  parent?.type === "ObjectProperty" && parent.value === arg && URL_KEYS.has(keyName(parent) ?? "");
