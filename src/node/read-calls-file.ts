import { createInterface } from "node:readline";
import type { CallInput } from "../matcher/read-call.js";
import type { MatchResult } from "../matcher/result.js";
import { createCallsReader, type CallsReader } from "../sources/calls-reader.js";
import { openInput } from "./open-input.js";

/**
 * Streams a `METHOD URL` calls file line by line into one call per endpoint, so a
 * file of millions of lines is read in bounded memory. Throws `InputError` if unreadable.
 */
export const readCallsFile = async (
  file: string,
  options: { requiredScopes: (call: CallInput) => MatchResult; name?: string },
): Promise<ReturnType<CallsReader["finish"]>> => {
  const { handle } = await openInput(file);
  try {
    const reader = createCallsReader({ file: options.name ?? file, requiredScopes: options.requiredScopes });
    const lines = createInterface({
      input: handle.createReadStream({ encoding: "utf8", start: 0, autoClose: false }),
      crlfDelay: Infinity,
    });
    for await (const line of lines) reader.line(line);
    return reader.finish();
  } finally {
    await handle.close();
  }
};
