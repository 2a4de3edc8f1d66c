import { namesHost } from "./target-host.js";
import { sdkOperations } from "../sources/sdk-operations.js";
import { didYouMean } from "../util/edit-distance.js";

/**
 * One `ignore[].match`, compiled:
 * - `METHOD /path`: METHOD or `*`; segments literal, `*` (or `:name`, `{name}`) one segment, `**` the rest;
 * - `host:NAME`: the host of an absolute URL (`*` any characters, `:port` optional);
 * - `Api.operation`: an SDK operation (`SDKApi.*`): a call written as it, or its method and path template.
 */
export type IgnoreRule =
  | { readonly kind: "request"; readonly method: string; readonly segments: readonly string[] }
  | { readonly kind: "host"; readonly host: RegExp }
  | {
      readonly kind: "operation";
      readonly names: ReadonlySet<string>;
      /**
       * Method and template segments (`{x}` any one segment) of the undocumented operations the pattern names:
       * a URL call is ignored by route only when no scope is documented for it, so `SDKApi.*` never hides
       * a documented endpoint reached by URL (SDKApi.getUserAccountBalances needs environment.balances.read).
       */
      readonly routes: readonly { readonly method: string; readonly segments: readonly string[] }[];
    };

/** A request as an ignore sees it: upper-case method, path segments relative to the API base path, host. */
export interface IgnoreSubject {
  readonly method?: string;
  readonly segments?: readonly string[];
  readonly host?: string;
  readonly operation?: string;
}

const METHODS = /^(?:\*|GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|TRACE|CONNECT)$/;
const PARAM = /^(?::[A-Za-z_$][\w$-]*|\{[A-Za-z_$][\w$-]*\})$/;
const SEGMENT = /^[A-Za-z0-9._~!$&'()+,;=@*:{}-]+$/;
const OPERATION = /^([A-Z][A-Za-z0-9]*Api)\.([A-Za-z0-9*]+)$/;
const HOST = /^(?:[A-Za-z0-9.*-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

const wildcard = (glob: string, flags = ""): RegExp =>
  new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`, flags);

const templateSegments = (path: string): string[] =>
  path === "/"
    ? []
    : path
        .slice(1)
        .split("/")
        .map((s) => (/^\{.*\}$/.test(s) ? "*" : s));

const request = (method: string, path: string): IgnoreRule | string => {
  if (!METHODS.test(method)) return `${JSON.stringify(method)} is not an HTTP method (or *)`;
  if (!path.startsWith("/")) return `the path ${JSON.stringify(path)} must start with /`;
  const segments = path === "/" ? [] : path.replace(/\/$/, "").slice(1).split("/");
  const bad = segments.find((s) => !SEGMENT.test(s) || (s.includes("*") && s !== "*" && s !== "**"));
  if (bad !== undefined) return `${JSON.stringify(bad)} is not a path segment, * or **`;
  if (segments.slice(0, -1).includes("**")) return "** may only end the path";
  const shaped = segments.map((s) => (PARAM.test(s) ? "*" : s));
  // The root path alone (`GET /`) names one path; only all-wildcard patterns are too broad.
  if (shaped.length > 0 && shaped.every((s) => s === "*" || s === "**")) {
    return "it would ignore every request of that shape; name at least one literal path segment";
  }
  return { kind: "request", method, segments: shaped };
};

const host = (name: string): IgnoreRule | string => {
  if (!HOST.test(name)) return `${JSON.stringify(name)} is not a host name (letters, digits, . - and *)`;
  if (!/[A-Za-z0-9]/.test(name.replace(/:\d+$/, ""))) return "it would ignore every host; name the host";
  return { kind: "host", host: wildcard(name.toLowerCase()) };
};

const operation = (className: string, method: string, text: string): IgnoreRule | string => {
  const test = wildcard(method);
  const ops = sdkOperations().filter((o) => {
    const [c, m] = o.operation.split(".") as [string, string];
    return c === className && test.test(m);
  });
  if (ops.length === 0) {
    const guess = method.includes("*")
      ? didYouMean(className, new Set(sdkOperations().map((o) => o.operation.split(".")[0] as string)))
      : didYouMean(
          text,
          sdkOperations().map((o) => o.operation),
        );
    const hint = guess === undefined ? "" : `; did you mean ${guess}${method.includes("*") ? ".*" : ""}?`;
    return `no operation of @dynamic-labs/sdk-api matches ${text}${hint}`;
  }
  return {
    kind: "operation",
    names: new Set(ops.map((o) => o.operation)),
    routes: ops
      .filter((o) => !o.documented)
      .map((o) => ({ method: o.method.toUpperCase(), segments: templateSegments(o.path) })),
  };
};

/** Compiles one `match`, or says why it is not one (a message naming the fix). */
export const compileMatch = (match: string): IgnoreRule | string => {
  const text = match.trim();
  if (/^host:/i.test(text)) return host(text.slice(5).trim());
  const op = OPERATION.exec(text);
  if (op) return operation(op[1] as string, op[2] as string, text);
  const parts = text.split(/\s+/);
  if (parts.length === 2) return request((parts[0] as string).toUpperCase(), parts[1] as string);
  if (parts.length === 1 && text.startsWith("/")) return `give a method: "* ${text}" for any method, or "GET ${text}"`;
  if (parts.length === 1 && namesHost(text)) return `match a host with "host:NAME", or a path with "METHOD /path"`;
  return 'expected "METHOD /path", "host:NAME", or an SDK operation such as SDKApi.*';
};

const segmentsMatch = (pattern: readonly string[], segments: readonly string[]): boolean => {
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    if (p === "**") return true;
    const s = segments[i];
    if (s === undefined || (p !== "*" && p !== s)) return false;
  }
  return pattern.length === segments.length;
};

/** True when `rule` matches the request. */
export const ruleMatches = (rule: IgnoreRule, subject: IgnoreSubject): boolean => {
  switch (rule.kind) {
    case "host":
      return subject.host !== undefined && rule.host.test(subject.host);
    case "request":
      return (
        subject.segments !== undefined &&
        (rule.method === "*" || rule.method === subject.method) &&
        segmentsMatch(rule.segments, subject.segments)
      );
    case "operation":
      if (subject.operation !== undefined) return rule.names.has(subject.operation);
      return rule.routes.some(
        (r) =>
          subject.segments !== undefined && r.method === subject.method && segmentsMatch(r.segments, subject.segments),
      );
  }
};
