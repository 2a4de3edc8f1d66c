import { isOperationName, operationCall } from "./sdk-operations.js";
import type { SourceLocation } from "./types.js";
import { trimAscii } from "../util/trim-ascii.js";

/**
 * Replaces SDK operation names among `calls` (`"UsersApi.getUser"`) by the call they
 * make, noting the operation on its source. A name the SDK lacks stays as written (so it
 * is reported invalid) with a note saying so; undocumented operations end up unknown.
 */
export const resolveOperationNames = <L extends SourceLocation>(
  calls: readonly unknown[],
  sources: readonly L[],
): { calls: unknown[]; sources: L[] } => {
  const outCalls: unknown[] = [];
  const outSources: L[] = [];
  calls.forEach((call, i) => {
    const source = sources[i] as L;
    const name = typeof call === "string" ? trimAscii(call) : undefined;
    if (name === undefined || !isOperationName(name)) {
      outCalls.push(call);
      outSources.push(source);
      return;
    }
    const r = operationCall(name);
    outCalls.push("call" in r ? r.call : call);
    if (!("call" in r)) outSources.push({ ...source, note: r.note });
    else if (r.operation.documented) outSources.push({ ...source, operation: r.operation.operation });
    else
      outSources.push({
        ...source,
        operation: r.operation.operation,
        note: `${r.operation.operation} has no documented scope`,
      });
  });
  return { calls: outCalls, sources: outSources };
};
