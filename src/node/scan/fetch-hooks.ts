import ts from "typescript";
import type { Evaluator } from "./evaluator.js";
import { objectLiteral } from "./objects.js";
import type { RequestShape } from "./requests.js";
import { type Stability, where } from "./stability.js";
import { short, skipOuter, staticName, type AnyCall } from "./syntax.js";
import type { Env } from "./value.js";

/** Options that run code on each request and may change its URL or method (a custom `fetch` included). */
export const HOOK_OPTIONS = ["hooks", "handlers", "onRequest", "adapter", "fetch", "env"];

// Libraries whose per-call options take hooks or a fetch; axios's take an adapter.
const OPTION_LIBS = new Set(["ky", "ofetch", "got", "axios"]);
// axios verbs whose second argument is the body, not the config.
const BODY_VERBS = new Set(["POST", "PUT", "PATCH"]);
// The names the global object goes by.
const GLOBALS = new Set(["globalThis", "window", "global", "self"]);

/** Why an options object may rewrite its request: a hook option, or a key that is not seen. */
export const hookIn = (object: ts.ObjectLiteralExpression): string | undefined => {
  for (const p of object.properties) {
    if (ts.isSpreadAssignment(p)) return `a spread (${short(p)}) may carry hooks or a fetch`;
    const name = p.name === undefined ? undefined : staticName(p.name);
    if (name === undefined) return `a computed key (${short(p)}) may be hooks or a fetch`;
    if (HOOK_OPTIONS.includes(name)) return `its ${name} option may rewrite requests`;
  }
  return undefined;
};

/**
 * Why one call's own options (`ky.get(url, { fetch })`, `ofetch(url, { onRequest })`, axios's
 * `{ adapter }`) may rewrite its request: a hook option in them, or options not seen whole.
 */
export const callOptionsHook = (
  ev: Evaluator,
  call: AnyCall,
  shape: RequestShape,
  env: Env | undefined,
): string | undefined => {
  if (shape.lib === undefined || !OPTION_LIBS.has(shape.lib)) return undefined;
  const args = call.arguments ?? [];
  let index: number;
  if (shape.kind === "config") index = shape.configIndex;
  else {
    const m = shape.method;
    const body = shape.lib === "axios" && "fixed" in m && BODY_VERBS.has(m.fixed);
    index = "options" in m ? m.options : shape.urlIndex + (body ? 2 : 1);
  }
  const options = args[index];
  if (options === undefined) return undefined;
  if (args.slice(0, index + 1).some(ts.isSpreadElement)) return "its options are spread in, and may carry hooks";
  const found = objectLiteral(ev, options, env);
  if ("unknown" in found) return `its options are not seen whole (${found.unknown}), and may carry hooks or a fetch`;
  return hookIn(found.object);
};

/** True when a name is the global one (declared in a library's types, or nowhere), not a local. */
const global = (stability: Stability, name: ts.Identifier): boolean => {
  const decl = stability.resolver.declarationOf(name);
  return decl === undefined || decl.getSourceFile().isDeclarationFile;
};

/**
 * The first place the program replaces the global fetch (`globalThis.fetch = …`, `window.fetch = …`,
 * `Object.defineProperty(globalThis, "fetch", …)`): every request sent through it may be rewritten.
 */
export const globalFetchPatch = (stability: Stability): ts.Node | undefined => {
  for (const w of stability.lookup((s) => s.writes, "fetch")) {
    const t = skipOuter(w.target);
    const receiver = ts.isPropertyAccessExpression(t) || ts.isElementAccessExpression(t) ? skipOuter(t.expression) : t;
    if (!ts.isIdentifier(receiver)) continue;
    if (receiver !== t ? GLOBALS.has(receiver.text) : global(stability, receiver)) return w.node;
  }
  for (const name of GLOBALS)
    for (const c of stability.lookup((s) => s.objects, name)) if (c.node.getText().includes("fetch")) return c.node;
  return undefined;
};

/** The reason a global fetch patch gives a request sent through it. */
export const patchedFetch = (patch: ts.Node): string =>
  `the global fetch is replaced (${short(patch)}, ${where(patch)}), which may rewrite it`;
