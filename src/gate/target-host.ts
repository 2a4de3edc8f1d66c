// An absolute (`https://…`) or protocol-relative (`//…`) target names a host; a path does not.
const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;

/** True when `target` names a host. */
export const namesHost = (target: string): boolean => ABSOLUTE.test(target);

/** The `host[:port]` a target names, as the URL parser reads it (lower case, no trailing dot), or undefined. */
export const targetHost = (target: string): string | undefined => {
  if (!namesHost(target)) return undefined;
  try {
    return new URL(target, "https://base.invalid").host.replace(/\.(?=:\d+$|$)/, "");
  } catch {
    return undefined;
  }
};
