import { describe, expect, test } from "vitest";
import { diffCatalogs, impactOf, parseCatalog, type CatalogData } from "../../src/index.js";
import { makeCatalog } from "../helpers/catalogs.js";

const rate = (level: "read" | "write" | "admin" | "critical") => ({ level, rationale: `${level} things` });

/** Users, webhooks and settings, as a small Dynamic-shaped catalog. */
const base = (): CatalogData => {
  const data = makeCatalog({
    "environment.users.read": [
      ["GET", "/environments/:environmentId/users"],
      ["GET", "/environments/:environmentId/users/:userId"],
      [
        "GET",
        "/users/:userId",
        { deprecated: true, replacedBy: { method: "GET", path: "/environments/:environmentId/users/:userId" } },
      ],
      ["GET", "/things/:thingId"],
    ],
    "environment.users.write": [["POST", "/environments/:environmentId/users"]],
    "environment.webhooks.read": [["GET", "/environments/:environmentId/webhooks"]],
  });
  data.scopes[0]!.risk = rate("critical");
  data.scopes[1]!.risk = rate("admin");
  data.scopes[2]!.risk = rate("read");
  data.undocumented = [{ source: "sdk", endpoints: ["GET /tokens/me"] }];
  return data;
};

const diff = (edit: (d: CatalogData) => void, version?: string) => {
  const next = base();
  edit(next);
  if (version) next.version = version;
  return diffCatalogs(parseCatalog(base()), parseCatalog(next));
};
const users = (d: CatalogData) => d.scopes[0]!;

// [name, edit, [kind, bump] of each change, overall bump]
const cases: [string, (d: CatalogData) => void, [string, string][], string][] = [
  ["nothing", () => {}, [], "none"],
  [
    "a new scope",
    (d) => d.scopes.push({ name: "environment.users.list", endpoints: [] }),
    [["scope-added", "minor"]],
    "minor",
  ],
  [
    "a scope removed",
    (d) => d.scopes.splice(2, 1),
    [
      ["scope-removed", "major"],
      ["endpoint-removed", "major"],
    ],
    "major",
  ],
  ["a description changed", (d) => (users(d).description = "Reads users."), [["scope-changed", "patch"]], "patch"],
  ["a scope's rating raised", (d) => (d.scopes[2]!.risk = rate("write")), [["risk-changed", "minor"]], "minor"],
  [
    "a new endpoint",
    (d) => users(d).endpoints.push({ method: "GET", path: "/environments/:environmentId/exports", summary: "x" }),
    [["endpoint-added", "minor"]],
    "minor",
  ],
  ["an endpoint removed", (d) => users(d).endpoints.splice(0, 1), [["endpoint-removed", "major"]], "major"],
  [
    "an endpoint moved to another scope",
    (d) => d.scopes[2]!.endpoints.push(users(d).endpoints.splice(0, 1)[0]!),
    [["endpoint-moved", "major"]],
    "major",
  ],
  [
    "another scope unlocks an endpoint too",
    (d) => (users(d).endpoints[0]!.alsoUnlockedBy = ["environment.webhooks.read"]),
    [["endpoint-moved", "minor"]],
    "minor",
  ],
  ["an endpoint deprecated", (d) => (users(d).endpoints[3]!.deprecated = true), [["deprecated", "minor"]], "minor"],
  [
    "a deprecation lifted",
    (d) => {
      delete users(d).endpoints[2]!.deprecated;
      delete users(d).endpoints[2]!.replacedBy;
    },
    [["undeprecated", "minor"]],
    "minor",
  ],
  [
    "a summary changed",
    (d) => (users(d).endpoints[0]!.summary = "List users"),
    [["summary-changed", "patch"]],
    "patch",
  ],
  ["a param renamed", (d) => (users(d).endpoints[3]!.path = "/things/:id"), [["template-renamed", "patch"]], "patch"],
  [
    "an endpoint's own rating",
    (d) => (users(d).endpoints[0]!.risk = rate("read")),
    [["risk-changed", "minor"]],
    "minor",
  ],
  [
    // Hidden: only an "added" endpoint, but requests for /things/special needed users.read and now need
    // webhooks.read, and its look-alikes (/things/SPECIAL) are refused as ambiguous.
    "a new literal that takes requests from a param endpoint",
    (d) => d.scopes[2]!.endpoints.push({ method: "GET", path: "/things/special", summary: "special" }),
    [
      ["endpoint-added", "minor"],
      ["requests-unidentified", "major"],
      ["requests-moved", "major"],
    ],
    "major",
  ],
  [
    // The literal's own requests keep their scope, but its look-alikes (/things/MINE), the param's before,
    // are now refused as ambiguous: a gate that passed them fails.
    "a new literal under the scope of the param endpoint it shadows",
    (d) => {
      users(d).endpoints.push({ method: "GET", path: "/things/mine", summary: "mine" });
    },
    [
      ["endpoint-added", "minor"],
      ["requests-unidentified", "major"],
    ],
    "major",
  ],
  [
    // Hidden: the param rename makes it look like a new template; the shape says it is the same endpoint, moved.
    "a param renamed while the endpoint moves",
    (d) => {
      const [e] = users(d).endpoints.splice(3, 1);
      d.scopes[2]!.endpoints.push({ ...e!, path: "/things/:id" });
    },
    [
      ["endpoint-moved", "major"],
      ["template-renamed", "patch"],
    ],
    "major",
  ],
  [
    "two endpoints swap scopes",
    (d) => {
      const read = users(d).endpoints.splice(0, 1)[0]!;
      const write = d.scopes[1]!.endpoints.splice(0, 1)[0]!;
      users(d).endpoints.push(write);
      d.scopes[1]!.endpoints.push(read);
    },
    [
      ["endpoint-moved", "major"],
      ["endpoint-moved", "major"],
    ],
    "major",
  ],
  [
    "the base path changes version",
    (d) => (d.baseUrls = ["https://api.example.test/v2"]),
    [
      ["base-url-removed", "major"],
      ["base-url-added", "minor"],
    ],
    "major",
  ],
  [
    // A rating lowered is listed (a gate on unused risk would stop flagging it), never silent.
    "a rating lowered",
    (d) => (users(d).risk = rate("read")),
    [["risk-changed", "minor"]],
    "minor",
  ],
  ["a base URL added", (d) => d.baseUrls.push("https://api2.example.test/v1"), [["base-url-added", "minor"]], "minor"],
  [
    "a base URL removed",
    (d) => (d.baseUrls = ["https://api2.example.test/v1"]),
    [
      ["base-url-removed", "major"],
      ["base-url-added", "minor"],
    ],
    "major",
  ],
  [
    "an undocumented endpoint listed",
    (d) => d.undocumented![0]!.endpoints.push("GET /user/tokens"),
    [["undocumented-added", "patch"]],
    "patch",
  ],
  ["an undocumented endpoint dropped", (d) => (d.undocumented = []), [["undocumented-removed", "patch"]], "patch"],
];

describe("diffCatalogs: every change kind with its semver weight", () => {
  test.each(cases)("%s", (_name, edit, kinds, bump) => {
    const d = diff(edit);
    expect(d.changes.map((c) => [c.kind, c.bump])).toEqual(kinds);
    expect(d.bump).toBe(bump);
    expect(d.expectedVersion).toBe({ none: "1.0.0", patch: "1.0.1", minor: "1.1.0", major: "2.0.0" }[bump]);
  });

  test("the implication case: a.write implying a.read, taken away, denies a.write-only tokens", () => {
    const old = makeCatalog({ "a.read": [["GET", "/a"]], "a.write": [["POST", "/a"]] }, { "a.write": ["a.read"] });
    const next = makeCatalog({ "a.read": [["GET", "/a"]], "a.write": [["POST", "/a"]] });
    const d = diffCatalogs(parseCatalog(old), parseCatalog(next));
    expect(d.changes.map((c) => [c.kind, c.bump])).toEqual([
      ["scope-changed", "patch"],
      ["endpoint-moved", "major"],
    ]);
    expect(d.changes[1]!.message).toBe(
      "GET /a now needs a.read (was a.read or a.write): tokens with only a.write are denied",
    );
  });

  test("a removed literal whose requests fall to a param endpoint of the same scope is minor, not major", () => {
    const old = makeCatalog({
      s: [
        ["GET", "/t/mine"],
        ["GET", "/t/:id"],
      ],
    });
    const next = makeCatalog({ s: [["GET", "/t/:id"]] });
    const d = diffCatalogs(parseCatalog(old), parseCatalog(next));
    expect(d.changes).toEqual([expect.objectContaining({ kind: "endpoint-removed", bump: "minor" })]);
    expect(d.changes[0]!.message).toBe("GET /t/mine is gone; its requests now match GET /t/:id, which needs s");
  });

  test("NEW's version is checked against what the change calls for", () => {
    expect(diff((d) => d.scopes.splice(2, 1), "1.1.0")).toMatchObject({ expectedVersion: "2.0.0", versionOk: false });
    expect(diff((d) => d.scopes.splice(2, 1), "2.0.0")).toMatchObject({ versionOk: true });
    expect(diff(() => {}, "1.0.0")).toMatchObject({ bump: "none", versionOk: true });
  });
});

describe("impactOf: what a catalog change does to given calls and tokens", () => {
  const old = parseCatalog(base());
  const moved = base();
  moved.scopes.push({
    name: "environment.users.list",
    risk: rate("read"),
    endpoints: [users(moved).endpoints.splice(0, 1)[0]!],
  });
  const next = parseCatalog(moved);
  const calls = [
    { call: "GET /environments/e1/users?limit=5", source: { file: "calls.txt", line: 1 } },
    { call: "GET /environments/e1/users", source: { file: "calls.txt", line: 2 } },
    { call: "GET /environments/e1/webhooks", source: { file: "calls.txt", line: 3 } },
  ];

  test("a token that relied on the old scope is named, denied, and told what to add", () => {
    const tokens = [
      { label: "deploy", scopes: ["environment.users.read", "environment.webhooks.read"] },
      { label: "ci", scopes: ["environment.users.list", "environment.webhooks.read"] },
    ];
    const impact = impactOf(old, next, calls, tokens);
    expect(impact.breaking).toBe(true);
    expect(impact.items).toEqual([
      expect.objectContaining({
        kind: "denied",
        breaking: true,
        message:
          "GET /environments/:environmentId/users now needs environment.users.list (was environment.users.read): " +
          "your token deploy will be denied",
        denied: ["deploy"],
        count: 2,
      }),
    ]);
    expect(impact.items[0]!.calls.map((c) => c.source?.line)).toEqual([1, 2]);
    expect(impact.fixes).toEqual([{ token: "deploy", add: ["environment.users.list"] }]);
  });

  test("without tokens a call breaks when a scope that unlocked it no longer does", () => {
    const impact = impactOf(old, next, calls);
    expect(impact).toMatchObject({ breaking: true, items: [{ kind: "needs-changed", breaking: true }] });
  });

  test("calls the change does not touch: no impact, not breaking", () => {
    expect(impactOf(old, next, [calls[2]!])).toMatchObject({ breaking: false, items: [] });
  });

  test("a call no longer identified is breaking; one newly identified is not", () => {
    const gone = base();
    users(gone).endpoints.splice(3, 1);
    gone.scopes[2]!.endpoints.push({ method: "GET", path: "/new/:id", summary: "new" });
    const impact = impactOf(
      old,
      parseCatalog(gone),
      ["GET /things/t1", "GET /new/n1"],
      [{ label: "t", scopes: ["environment.users.read"] }],
    );
    expect(impact.items.map((i) => [i.kind, i.breaking, i.denied])).toEqual([
      ["no-longer-identified", true, ["t"]],
      ["now-identified", false, []],
    ]);
  });

  test("a called endpoint newly deprecated is reported, not breaking", () => {
    const dep = base();
    users(dep).endpoints[3]!.deprecated = true;
    expect(impactOf(old, parseCatalog(dep), ["GET /things/t1"]).items).toEqual([
      expect.objectContaining({ kind: "now-deprecated", breaking: false }),
    ]);
  });
});
