import type { EndpointRef } from "../catalog/schema.js";
import type { NormalizedRequest } from "./result.js";

/**
 * @internal The `unknown` answer. Suggestions cost far more than matching, so they
 * are computed on first read; a class keeps creating one cheap (an object literal
 * with a getter is not), and `toJSON` keeps them in serialized output.
 */
export class UnknownResult {
  readonly status = "unknown" as const;
  #suggest: (() => readonly EndpointRef[]) | undefined;
  #suggestions: readonly EndpointRef[] = [];

  constructor(
    readonly request: NormalizedRequest,
    suggest: () => readonly EndpointRef[],
  ) {
    this.#suggest = suggest;
  }

  /** Up to 3 nearest catalog endpoints, nearest first. */
  get suggestions(): readonly EndpointRef[] {
    if (this.#suggest) {
      this.#suggestions = this.#suggest();
      this.#suggest = undefined;
    }
    return this.#suggestions;
  }

  toJSON(): { status: "unknown"; suggestions: readonly EndpointRef[]; request: NormalizedRequest } {
    return { status: this.status, suggestions: this.suggestions, request: this.request };
  }
}
