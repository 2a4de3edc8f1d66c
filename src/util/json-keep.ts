/**
 * What of a JSON document to keep. `true` keeps a string, number, boolean or null as it is (an
 * object or array there becomes an empty one); a `Keep` keeps the listed keys of an object, or
 * each item of an array. Everything else is read and checked, then dropped.
 */
export interface Keep {
  readonly keys?: Readonly<Record<string, Keep | true>>;
  readonly items?: Keep | true;
  /**
   * Hands each item over as it completes, with the line it starts on, instead of keeping the array; and
   * the first kept key given twice in one of its objects (the item holds the last), for the caller to refuse.
   */
  readonly each?: (item: unknown, index: number, line: number, repeat: Repeat | undefined) => void;
  /** Keeps only the items that pass, and at most `max` of them: an array of many items stays small. */
  readonly filter?: (item: unknown) => boolean;
  readonly max?: number;
  /** This value may be given once: a second one under the same key is an error (it was handed over already). */
  readonly once?: boolean;
}

/** A kept key given twice in one object: its JSON path and the line of its second one. */
export interface Repeat {
  readonly path: string;
  readonly line: number;
}

/**
 * Where a JSON text went wrong: 1-based line and column, and why; `twice` for a kept key given twice where no
 * `each` takes the repeat (a `once` value, or a key outside every streamed item).
 */
export class JsonStreamError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly twice = false,
  ) {
    super(message);
  }
}

/** A kept string longer than the cap: the value is not read, and the caller says so. */
export const TOO_LONG: unique symbol = Symbol("too long");

// Each Keep's keys as a Map (own keys only: `__proto__` or `constructor` in a document are never kept), made once.
const keyMaps = new WeakMap<Keep, Map<string, Keep | true>>();
export const keysOf = (keep: Keep): Map<string, Keep | true> | undefined => {
  if (keep.keys === undefined) return undefined;
  let map = keyMaps.get(keep);
  if (map === undefined) keyMaps.set(keep, (map = new Map(Object.entries(keep.keys))));
  return map;
};
