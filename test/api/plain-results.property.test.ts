import fc from "fast-check";
import { MessageChannel } from "node:worker_threads";
import { expect, test } from "vitest";
import { checkToken, DYNAMIC_SCOPES, minimalScopes, readHar, requiredScopes } from "../../src/index.js";
import { requestOf } from "../helpers/request-grammar.js";
import { dynamicCatalog } from "../../src/index.js";

const numRuns = Number(process.env["FC_RUNS"] ?? 200);

/** What crossing a worker boundary does to a value. */
const posted = (value: unknown): Promise<unknown> =>
  new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port2.once("message", (data) => {
      port1.close();
      port2.close();
      resolve(data);
    });
    port1.postMessage(value);
  });

// A spread copy, a structured clone and a posted message must all equal the answer read directly.
const survives = async (value: unknown): Promise<void> => {
  const plain = JSON.parse(JSON.stringify(value)) as unknown;
  expect(structuredClone(value)).toEqual(plain);
  expect({ ...(value as object) }).toEqual(plain);
  expect(await posted(value)).toEqual(plain);
};

test("every answer is plain data: it survives spread, structuredClone and postMessage intact", async () => {
  const calls = fc.array(requestOf(dynamicCatalog), { minLength: 1, maxLength: 6 });
  await fc.assert(
    fc.asyncProperty(calls, fc.subarray([...DYNAMIC_SCOPES]), async (list, token) => {
      for (const call of list) await survives(requiredScopes(call));
      await survives(minimalScopes(list));
      await survives(checkToken(token, list));
      await survives(checkToken({ tokens: [{ id: "t", scopes: token }] }, list));
    }),
    { numRuns },
  );
});

test("an unknown call keeps its suggestions through a clone (they are a field, not a getter)", async () => {
  const result = requiredScopes("GET /environments/e1/userz");
  expect(result.status).toBe("unknown");
  const clone = structuredClone(result) as typeof result & { suggestions: { path: string }[] };
  expect(clone.suggestions[0]?.path).toBe("/environments/:environmentId/users");
  const plan = minimalScopes([{ call: "GET /environments/e1/userz", source: { file: "a.txt", line: 3 } }]);
  const copy = (await posted(plan)) as typeof plan;
  expect(copy.unidentified[0]).toMatchObject({ source: { file: "a.txt", line: 3 } });
  expect(copy.unidentified[0]?.suggestions?.[0]).toEqual({ method: "GET", path: "/environments/:environmentId/users" });
});

test("a HAR's calls go to the planner as they come, sources and all", () => {
  const har = {
    log: { entries: [{ request: { method: "GET", url: "https://app.dynamicauth.com/api/v0/environments/e1/users" } }] },
  };
  const read = readHar(har);
  if (!read.ok) throw new Error(read.problem.message);
  const plan = minimalScopes(read.calls);
  expect(plan.scopes).toEqual(["environment.users.read"]);
  expect(plan.calls[0]?.source).toEqual({ file: "har", path: "$.log.entries[0]" });
});

test("a { call, source } pair is unwrapped once, the same way by every function", () => {
  const nested = { call: { call: "GET /environments/e1/users", source: { file: "a" } }, source: { file: "b" } };
  expect(requiredScopes(nested as never)).toMatchObject({ status: "invalid" });
  expect(minimalScopes([nested as never]).calls[0]?.result).toMatchObject({ status: "invalid" });
  expect(checkToken(["environment.users.read"], [nested as never]).sufficient).toBe(false);
});
