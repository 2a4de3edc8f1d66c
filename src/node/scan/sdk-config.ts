import ts from "typescript";
import { classifyUrl, type parseBases } from "./dynamic-url.js";
import type { Evaluator } from "./evaluator.js";
import { SDK_STUB_FILE } from "./sdk-stub.js";
import { short, staticName } from "./syntax.js";
import type { UnclassifiedCode } from "./types.js";
import { showHoles } from "./value.js";

/** Why an SDK client's requests may not be what its calls read, and the kind of unclassified finding. */
export interface Issue {
  readonly code: UnclassifiedCode;
  readonly why: string;
}

// Configuration options that run code on each request: middleware, and a fetch that may change it.
const REWRITING_OPTIONS = new Set(["middleware", "fetchApi"]);

/** BaseAPI members a subclass may override to change every request it sends. */
export const SDK_REQUEST_MEMBERS = ["request", "createFetchParams", "fetchApi", "configuration", "middleware"];

/** The member of a class (or a base it extends, short of the SDK's own) that overrides how requests are sent. */
export const requestOverride = (checker: ts.TypeChecker, type: ts.Type | undefined): ts.Node | undefined => {
  const stack = type === undefined ? [] : [type];
  let fromSdk = false;
  let found: ts.Node | undefined;
  for (let i = 0; stack.length > 0 && i < 64; i++) {
    const t = stack.pop() as ts.Type;
    if (t.isIntersection()) {
      stack.push(...t.types);
      continue;
    }
    const decl = t.getSymbol()?.declarations?.[0];
    if (decl?.getSourceFile().fileName === SDK_STUB_FILE) fromSdk = true;
    else if (decl !== undefined && ts.isClassLike(decl))
      found ??= decl.members.find(
        (m) => m.name !== undefined && SDK_REQUEST_MEMBERS.includes(staticName(m.name) ?? ""),
      );
    if (t.isClassOrInterface()) stack.push(...(checker.getBaseTypes(t) ?? []));
  }
  return fromSdk ? found : undefined;
};

/** True when a type is an SDK class (a subclass, its prototype), or untyped (`any`). */
export const sdkTyped = (checker: ts.TypeChecker, type: ts.Type | undefined): boolean => {
  if (type === undefined || type.flags & ts.TypeFlags.Any) return true;
  const stack = [type];
  for (let i = 0; stack.length > 0 && i < 64; i++) {
    const t = stack.pop() as ts.Type;
    if (t.isUnionOrIntersection()) stack.push(...t.types);
    else if (t.getSymbol()?.declarations?.[0]?.getSourceFile().fileName === SDK_STUB_FILE) return true;
    else if (t.isClassOrInterface()) stack.push(...(checker.getBaseTypes(t) ?? []));
  }
  return false;
};

/**
 * Why a basePath is not a clean base URL: a `?` or `#` (the SDK appends the path after it), or a
 * Dynamic URL naming more than the API base. A base known only at run time is taken for the base.
 */
const baseIssue = (ev: Evaluator, bases: ReturnType<typeof parseBases>, expr: ts.Expression): string | undefined => {
  for (const v of ev.evaluate(expr, undefined, true) ?? []) {
    if (v.unknown !== undefined) continue;
    const shown = JSON.stringify(showHoles(v.text));
    if (/[?#]/.test(v.text)) return `${shown} has a query or fragment`;
    const kind = classifyUrl(v.text, bases);
    if (kind.kind === "path" || (kind.kind === "base" && kind.outside === true)) return `${shown} is not the API base`;
  }
  return undefined;
};

/**
 * Why `new Configuration({ … })` may make its clients' requests differ from their calls: `middleware`,
 * a `fetchApi`, a spread or computed key (`rewritten-by-middleware`), or a `basePath` that is not a
 * clean base URL (`outside-base`); undefined when none.
 */
export const configurationObjectIssue = (
  ev: Evaluator,
  bases: ReturnType<typeof parseBases>,
  o: ts.ObjectLiteralExpression,
): Issue | undefined => {
  for (const p of o.properties) {
    const name = p.name === undefined ? undefined : staticName(p.name);
    if (name === undefined || REWRITING_OPTIONS.has(name))
      return {
        code: "rewritten-by-middleware",
        why: `its configuration may have middleware or a fetchApi (${short(p)})`,
      };
    if (name !== "basePath") continue;
    const value = ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : undefined;
    const why = value === undefined ? "is a getter or a method" : baseIssue(ev, bases, value);
    if (why !== undefined) return { code: "outside-base", why: `its basePath ${why}, so its requests go elsewhere` };
  }
  return undefined;
};
