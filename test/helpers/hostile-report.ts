import type { Endpoint, Plan, Report, TokenCheck } from "../../src/index.js";

// Reports built by hand with one string in every field that comes from input: call text, file
// names, JSON paths, SDK operations, notes, reasons and messages, scope names (a token's, and a
// --catalog's), endpoint paths and summaries, token ids and notes, hosts. The shape of a report
// does not depend on the string, so one built with "x" is its benign twin: same structure.

const endpoint = (s: string, deprecated = false): Endpoint => ({
  deprecated,
  method: "GET",
  path: `/e/${s}`,
  summary: s,
  ...(deprecated ? { replacedBy: { method: "GET", path: `/r/${s}` } } : {}),
});

const source = (s: string) => ({ file: s, line: 3, column: 2, operation: s, note: s, occurrences: 2 });

const plan = (s: string, optimal: boolean): Plan => {
  const ep = endpoint(s, true);
  const cited = { index: 0, call: s, source: source(s), endpoint: ep };
  return {
    catalog: { name: s, version: s },
    scopes: [s, `${s}2`],
    optimal,
    unlocks: 3,
    complete: false,
    reasons: [
      { scope: s, unlocks: 2, calls: [cited, { ...cited, source: { file: s, path: s } }] },
      { scope: `${s}2`, unlocks: 1, calls: [] },
    ],
    calls: [
      {
        index: 0,
        call: s,
        source: source(s),
        result: { status: "matched", anyOf: [s], endpoint: ep, params: { [s]: s } },
      },
      { index: 1, call: s, result: { status: "invalid", code: "bad-call", reason: s } },
    ],
    unidentified: [
      { index: 1, call: s, source: source(s), status: "invalid", reason: s },
      { index: 2, call: s, status: "unknown", reason: s, suggestions: [{ method: "GET", path: s }] },
    ],
    deprecated: [{ ...cited, replacedBy: { method: "GET", path: s } }],
  };
};

const tokenCheck = (s: string, optimal: boolean): TokenCheck => {
  const ep = endpoint(s);
  const p = plan(s, optimal);
  return {
    kind: "token",
    sufficient: false,
    catalog: { name: s, version: s },
    granted: [s, `${s}2`],
    calls: [{ ...(p.calls[0] as TokenCheck["calls"][number]), covered: false }],
    missing: [{ index: 0, call: s, source: source(s), endpoint: ep, anyOf: [s, `${s}3`] }],
    add: [s],
    addOptimal: optimal,
    remove: [`${s}2`],
    unidentified: p.unidentified,
    unused: [{ scope: `${s}2`, unlocks: 4 }],
    unknownScopes: [{ scope: s, didYouMean: s }, { scope: `${s}4` }],
  };
};

const parts = (s: string): Omit<Report, "result"> => ({
  tool: { name: "scopewise", version: "0.0.0" },
  inputs: [
    { format: "calls", file: s, lines: 2, calls: 2, distinct: 1, dropped: 0, streamed: true },
    {
      format: "har",
      file: s,
      entries: 3,
      used: 1,
      skipped: 1,
      otherHosts: [{ host: s, count: 1 }],
      preflight: 1,
      bad: 0,
      otherScheme: 1,
      rewritten: 1,
    },
    {
      format: "log",
      file: s,
      lines: 2,
      used: 1,
      distinct: 1,
      skipped: 1,
      otherHosts: [{ host: s, count: 1 }],
      bad: 1,
      dropped: 0,
      logFormats: ["combined"],
      otherScheme: 1,
      rewritten: 1,
      noRequest: 1,
    },
    {
      format: "scan",
      file: s,
      mode: "project",
      files: 2,
      skipped: [s],
      calls: 1,
      sdk: 1,
      url: 0,
      unclassified: 1,
      suppressed: 1,
      unresolved: 1,
    },
  ],
  problems: [
    { source: { file: s, line: 1 }, code: s, message: s },
    { source: { file: s, path: s }, code: "bad-entry", message: s },
  ],
  suppressions: [{ source: { file: s, line: 1, column: 1 }, reason: s, silenced: [s, s] }],
  unlocked: [{ scope: `${s}2`, endpoints: [{ method: "GET", path: s }] }],
  scopeSources: [{ scope: `${s}2`, source: { file: s, line: 1, column: 1 } }],
  ignores: {
    file: s,
    ignored: 3,
    rules: [
      {
        index: 0,
        match: s,
        reason: s,
        source: { file: s, line: 2 },
        status: "applied",
        count: 2,
        calls: [{ call: s, source: { file: s, line: 4 }, endpoint: { method: "GET", path: s }, anyOf: [s] }],
        more: 1,
      },
      { index: 1, match: s, reason: s, source: { file: s, line: 3 }, status: "unused", count: 0, calls: [], more: 0 },
      {
        index: 2,
        match: s,
        reason: s,
        expires: s,
        source: { file: s, line: 5 },
        status: "expired",
        count: 0,
        calls: [],
        more: 0,
      },
    ],
  },
});

/** Every kind of report, each with `s` in every input field. */
export const hostileReports = (s: string): [string, Report][] => [
  ["plan", { ...parts(s), result: { kind: "plan", plan: plan(s, true) } }],
  ["plan, not proven minimal", { ...parts(s), result: { kind: "plan", plan: plan(s, false) } }],
  ["check", { ...parts(s), result: { kind: "check", check: tokenCheck(s, true), strict: true } }],
  [
    "check of a token list",
    {
      ...parts(s),
      result: {
        kind: "check",
        check: {
          kind: "tokens",
          sufficient: false,
          tokens: [
            { id: s, note: s, check: tokenCheck(s, false) },
            { note: s, check: tokenCheck(s, true) },
          ],
        },
        strict: false,
      },
    },
  ],
  [
    "need",
    {
      result: {
        kind: "need",
        call: s,
        result: { status: "matched", anyOf: [s, `${s}2`], endpoint: endpoint(s, true), params: { [s]: s } },
      },
    },
  ],
  ["need, unknown", { result: { kind: "need", call: s, result: { status: "invalid", code: "bad-call", reason: s } } }],
  [
    "scopes",
    {
      result: {
        kind: "scopes",
        catalog: { name: s, version: s },
        scopes: [{ name: s, group: s, description: s, implies: [s], unlocks: 2 }],
      },
    },
  ],
  ["grants", { result: { kind: "grants", scope: s, endpoints: [endpoint(s, true), endpoint(`${s}2`)] } }],
];
