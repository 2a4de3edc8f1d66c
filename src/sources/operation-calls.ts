import { trimAscii } from "../util/trim-ascii.js";
import { instanceCallNote, isOperationName, operationCall } from "./sdk-operations.js";
import type { SourceLocation, SourcedCall } from "./types.js";

/**
 * The call an SDK operation name (`"UsersApi.getUser"`) stands for, noting the operation
 * on its source; any other call as it is. A name the SDK lacks stays as written (so it
 * is reported invalid) with a note saying so, as is an instance's name (`usersApi.getUser`);
 * undocumented operations end up unknown.
 */
export const resolveOperationName = (call: unknown, source: SourceLocation = { file: "calls" }): SourcedCall => {
  const name = typeof call === "string" ? trimAscii(call) : undefined;
  if (name === undefined) return { call, source };
  if (!isOperationName(name)) {
    const note = instanceCallNote(name);
    return note === undefined ? { call, source } : { call, source: { ...source, note } };
  }
  const r = operationCall(name);
  if (!("call" in r)) return { call, source: { ...source, note: r.note } };
  const { operation, documented } = r.operation;
  const note = documented ? {} : { note: `${operation} has no documented scope` };
  return { call: r.call, source: { ...source, operation, ...note } };
};

/** {@link resolveOperationName} over a list: `["UsersApi.getUser", "GET /x"]` → sourced calls. */
export const resolveOperationNames = (calls: Iterable<unknown>, file = "calls"): SourcedCall[] =>
  [...calls].map((call, i) => resolveOperationName(call, { file, line: i + 1 }));
