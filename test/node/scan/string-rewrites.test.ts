import { describe, expect, test } from "vitest";
import { DYNAMIC, scanProject, type Files } from "../../helpers/scan-project.js";

const one = (code: string): Files => ({ "src/api.ts": `const BASE = "${DYNAMIC}";\n${code}` });

// A URL object changed after it is made, or a string cut or rewritten in a way the scan cannot compute
// exactly, is unknown: never the literal it started as.
const cases: [name: string, files: Files, expected: string[]][] = [
  [
    "a URL built with new URL(path, BASE) and read whole (ordinary code stays quiet)",
    one(
      "export const revoke = (env: string, id: string) =>\n" +
        '  fetch(new URL(`${BASE}/environments/${env}/tokens/${id}`), { method: "DELETE" });\n',
    ),
    ["DELETE /environments/{env}/tokens/{id}"],
  ],
  [
    "u.pathname += … after the URL is made",
    one(
      "export async function revoke(env: string, id: string) {\n  const u = new URL(BASE);\n" +
        '  u.pathname += `/environments/${env}/tokens/${id}`;\n  return fetch(u, { method: "DELETE" });\n}\n',
    ),
    ["? reassigned"],
  ],
  [
    "u.pathname replaced on an origin-only URL",
    {
      "src/api.ts":
        "export async function revoke(env: string, id: string) {\n" +
        '  const u = new URL("https://app.dynamicauth.com");\n' +
        '  u.pathname = `/api/v0/environments/${env}/tokens/${id}`;\n  return fetch(u.href, { method: "DELETE" });\n}\n',
    },
    ["? not-sent", "? reassigned"],
  ],
  [
    "query parameters added through searchParams change no endpoint: the call as read",
    one(
      "export async function list(env: string, filter: string) {\n" +
        "  const u = new URL(`${BASE}/environments/${env}/users`);\n" +
        '  u.searchParams.set("filter", filter);\n  return fetch(u);\n}\n',
    ),
    ["GET /environments/{env}/users"],
  ],
  [
    "the whole href replaced",
    one(
      "export async function create(env: string) {\n  const u = new URL(`${BASE}/environments/${env}/webhooks`);\n" +
        '  u.href = `${BASE}/environments/${env}/tokens`;\n  return fetch(u, { method: "POST" });\n}\n',
    ),
    ["? not-sent", "? reassigned"],
  ],
  [
    "new URL(path, base) with a base from configuration",
    {
      "src/api.ts":
        "const base = process.env.API_BASE ?? 'https://app.dynamicauth.com';\n" +
        "export const list = (env: string) => fetch(new URL(`/api/v0/environments/${env}/users`, base));\n",
    },
    ["GET /environments/{env}/users"],
  ],
  [
    "a regular expression replace on a URL with a run-time part",
    one(
      'export const tokens = (env: string) => fetch(`${BASE}/environments/${env}/users`.replace(/users$/, "tokens"));\n',
    ),
    ["? rewritten"],
  ],
  [
    "replaceAll with a string pattern is computed",
    one(
      'export const tokens = (env: string) => fetch(`${BASE}/environments/${env}/users`.replaceAll("users", "tokens"));\n',
    ),
    ["GET /environments/{env}/tokens"],
  ],
  [
    "slice of a URL with a run-time part",
    one('export const tokens = (env: string) => fetch(`${BASE}/environments/${env}/users`.slice(0, -5) + "tokens");\n'),
    ["? rewritten"],
  ],
];

describe("mutated URL objects and rewritten strings are unknown", () => {
  test.each(cases)("%s", async (_, files, expected) => {
    expect((await scanProject(files)).found).toEqual(expected);
  });
});
