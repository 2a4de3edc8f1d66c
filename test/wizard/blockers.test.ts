// When the page offers a create-token request: never with an empty scope list, never while a blocker stands.
import { expect, test } from "vitest";
import { emptyReason, takeawayBlockers } from "../../wizard/blockers.js";
import { planFor } from "../../wizard/core.js";
import { binaryInput, readCallsText, sourceInput, type InputResult } from "../../wizard/inputs.js";
import { readTypedCalls } from "../../wizard/typed-calls.js";

const typed = (text: string): InputResult => {
  const { calls, problems } = readTypedCalls(text);
  return { id: "typed", name: "Typed calls", kind: "typed", calls, read: "", skipped: [], problems };
};

// Each row: inputs, link problems, the blockers expected, and the ticked scopes (none: why nothing is offered).
test.each<[string, InputResult[], string[], RegExp[], string[] | RegExp]>([
  ["attack: a fresh page", [typed("")], [], [], /^No calls yet/],
  ["identified calls", [typed("GET /environments/e1/users")], [], [], ["environment.users.read"]],
  ["every call unticked", [typed("GET /environments/e1/users")], [], [], /empty scope list may have no limits/],
  ["attack: every call a blocker", [typed("GET /nowhere")], [], [/^1 call could not be identified/], /empty scope/],
  [
    "one call not identified among others",
    [typed("GET /environments/e1/users\nusersApi.getUser(); tokensApi.deleteTokenById()")],
    [],
    [/^1 call could not be identified/],
    ["environment.users.read"],
  ],
  [
    "attack: a damaged link",
    [typed("GET /environments/e1/users")],
    ["the link's calls from files could not be read"],
    [/link this page was opened with is damaged/],
    ["environment.users.read"],
  ],
  ["a typed document not read", [typed("[ oops")], [], [/^The typed calls: 1 part could not be read/], /^No calls/],
  [
    "a file with a line too long",
    [readCallsText("c", "c.txt", `GET /environments/e1/users\n${"x".repeat(1_048_577)}`)],
    [],
    [/^c\.txt: 1 part could not be read/],
    ["environment.users.read"],
  ],
  ["a source file", [sourceInput("s", "worker.ts")], [], [/^worker\.ts was not read \(source code\)/], /^No calls/],
  ["a binary file", [binaryInput("b", "x.png")], [], [/^x\.png was not read/], /^No calls/],
])("%s", (_name, inputs, linkProblems, blockers, scopesOrEmpty) => {
  const plan = planFor(inputs.flatMap((i) => i.calls));
  const found = takeawayBlockers({ plan, inputs, linkProblems });
  expect(found).toEqual(blockers.map((b) => expect.stringMatching(b)));
  const scopes = Array.isArray(scopesOrEmpty) ? scopesOrEmpty : [];
  if (Array.isArray(scopesOrEmpty)) expect(emptyReason(scopes, plan)).toBeUndefined();
  else expect(emptyReason(scopes, plan)).toMatch(scopesOrEmpty);
});
