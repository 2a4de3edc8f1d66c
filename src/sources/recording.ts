import { dynamicCatalog } from "../catalog/dynamic-catalog.js";
import { createOrigins, type Destination } from "./base-url.js";
import { compileRewrites, type Rewrite } from "./rewrites.js";

/** Where Dynamic is: the options every reader of recordings (HAR, logs) takes. */
export interface RecordingOptions {
  /**
   * Requests sent to these base URLs' origins are Dynamic calls; Dynamic's base URLs by default
   * (pass `catalog.baseUrls`, plus a proxy's or a local fake's). Absolute http(s) URLs.
   */
  readonly baseUrls?: readonly string[];
  /** Path-prefix rewrites applied to every call before matching (a proxy that mounts the API elsewhere). */
  readonly rewrites?: readonly Rewrite[];
}

/** The compiled options: where each recorded request went, and the URL the matcher reads for a call. */
export type Route = (target: string, host?: string, scheme?: string) => Destination;

const compile = (options: RecordingOptions): Route => {
  const { destination } = createOrigins(options.baseUrls ?? dynamicCatalog.baseUrls);
  const rewrite = compileRewrites(options.rewrites);
  if (rewrite === undefined) return destination;
  return (target, host, scheme) => {
    const d = destination(target, host, scheme);
    const url = d.kind === "call" ? rewrite(d.url) : undefined;
    return url === undefined ? d : { ...d, url, rewritten: true };
  };
};

let dynamicRoute: Route | undefined;
const compiled = new WeakMap<RecordingOptions, Route>();

/**
 * Compiles recording options once: with no base URLs and no rewrites, Dynamic's own base URLs
 * (built on first use, then shared). Throws an `InputError` for a bad base URL or rewrite.
 */
export const routeFor = (options: RecordingOptions = {}): Route => {
  if (options.baseUrls === undefined && (options.rewrites === undefined || options.rewrites.length === 0))
    return (dynamicRoute ??= compile({}));
  let route = compiled.get(options);
  if (route === undefined) compiled.set(options, (route = compile(options)));
  return route;
};
