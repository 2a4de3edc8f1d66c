import type { Route } from "../catalog/compile-catalog.js";
import { setParam } from "../util/set-param.js";

const SLASH = 47;

/** @internal The params of a plain path `url[start, limit)` already known to be an instance of `route`. */
export const plainParams = (route: Route<string>, url: string, start: number, limit: number): Record<string, string> => {
  const params: Record<string, string> = {};
  const end = limit - start > 1 && url.charCodeAt(limit - 1) === SLASH ? limit - 1 : limit;
  let from = start + 1;
  for (let i = 0; i < route.params.length; i++) {
    const name = route.params[i];
    if (name === undefined) {
      // The path is an instance of the route, so a literal segment is exactly its literal.
      from += (route.literals[i] as string).length + 1;
      continue;
    }
    let to = url.indexOf("/", from);
    if (to === -1 || to > end) to = end;
    setParam(params, name, url.slice(from, to));
    from = to + 1;
  }
  return params;
};
