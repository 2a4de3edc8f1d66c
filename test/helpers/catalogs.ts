import type { CatalogData } from "../../src/index.js";

type Ep = [method: string, path: string, extra?: Partial<CatalogData["scopes"][number]["endpoints"][number]>];

/** A valid catalog around `scopes`: the metadata every test catalog shares. */
export const catalogWith = (name: string, baseUrl: string, scopes: CatalogData["scopes"]): CatalogData => ({
  formatVersion: 2,
  name,
  version: "1.0.0",
  source: { url: "https://example.test/docs", retrieved: "2026-11-27" },
  baseUrls: [baseUrl],
  scopes,
});

/** A small valid catalog: scopes given as name → endpoints, with optional implies. */
export const makeCatalog = (scopes: Record<string, Ep[]>, implies: Record<string, string[]> = {}): CatalogData =>
  catalogWith(
    "test",
    "https://api.example.test/v1",
    Object.entries(scopes).map(([name, eps]) => ({
      name,
      ...(implies[name] ? { implies: implies[name] } : {}),
      endpoints: eps.map(([method, path, extra]) => ({ method, path, summary: `${method} ${path}`, ...extra })),
    })),
  );
