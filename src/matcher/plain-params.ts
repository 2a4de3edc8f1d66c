import type { Route } from "../catalog/compiled.js";
import { setParam } from "../util/set-param.js";
import type { PlainPath } from "./fast-scan.js";

/** @internal The params of a plain path already known to be an instance of `route`. */
export const plainParams = (route: Route<string>, url: string, { start, end }: PlainPath): Record<string, string> => {
  const params: Record<string, string> = {};
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
