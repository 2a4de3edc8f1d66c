/** A base URL split for fast prefix tests. */
interface Base {
  readonly origin: string;
  readonly path: string;
}

const toBase = (url: string): Base | undefined => {
  try {
    const u = new URL(url);
    return { origin: u.origin, path: u.pathname.replace(/\/+$/, "") };
  } catch {
    return undefined;
  }
};

/** Returns a test for "this absolute URL is under one of `baseUrls`" (same origin, path below the base path). */
export const onBaseUrls = (baseUrls: readonly string[]): ((url: string) => boolean) => {
  const bases = baseUrls.map(toBase).filter((b): b is Base => b !== undefined);
  return (url) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    return bases.some((b) => u.origin === b.origin && (u.pathname === b.path || u.pathname.startsWith(`${b.path}/`)));
  };
};

/** `host[:port]` of an absolute URL, for "skipped: other hosts" counts; `(not a URL)` otherwise. */
export const hostOf = (url: string): string => {
  try {
    return new URL(url).host || "(no host)";
  } catch {
    return "(not a URL)";
  }
};

/** True for `http(s)://…` and `//host…`: a URL that names a host. */
export const isAbsolute = (url: string): boolean => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url);

/** Counts per host, most first, then by name: for "skipped: other hosts" summaries. */
export const sortedHostCounts = (hosts: ReadonlyMap<string, number>): { host: string; count: number }[] =>
  [...hosts]
    .map(([host, count]) => ({ host, count }))
    .sort((a, b) => b.count - a.count || (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
