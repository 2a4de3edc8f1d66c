// Caps on a catalog `parseCatalog` loads. A larger catalog is refused with a
// CatalogError (`too-large`) before any work that grows with it, so a hostile or
// broken file cannot make loading take minutes. Dynamic's catalog: 14 scopes, 131 endpoints.

/** Most scopes a catalog may define. */
export const MAX_CATALOG_SCOPES = 1000;

/** Most endpoints a catalog may list, over all its scopes and its undocumented list. */
export const MAX_CATALOG_ENDPOINTS = 10_000;

/** Most `implies` and `alsoUnlockedBy` entries a catalog may have, together. */
export const MAX_CATALOG_RELATIONS = 10_000;

/** Longest chain of implications (`a` implies `b` implies `c` is 3 scopes long). */
export const MAX_IMPLICATION_DEPTH = 16;

/** Most problems one CatalogError lists; a last `too-many-problems` issue counts the rest. */
export const MAX_CATALOG_ISSUES = 100;
