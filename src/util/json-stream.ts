import { detach } from "./detach.js";
import { jsonPath } from "./errors.js";
import { JsonStreamError, keysOf, TOO_LONG, type Keep, type Repeat } from "./json-keep.js";
import { LITERALS, NUMBER, NUMBER_TAIL, shown, STRING_BODY } from "./json-tokens.js";
import { MAX_JSON_DEPTH } from "./parse-json.js";

export { JsonStreamError, TOO_LONG, type Keep, type Repeat } from "./json-keep.js";

interface Frame {
  readonly keep: Keep | undefined;
  readonly keys: Map<string, Keep | true> | undefined;
  readonly value: Record<string, unknown> | unknown[];
  /** The key being read, and how its value is kept. */
  key: string;
  slot: Keep | true | undefined;
  index: number;
  line: number;
  /** The kept keys read so far (an object with kept keys). */
  readonly seen: Set<string> | undefined;
}

const OBJECT = 1;
const ARRAY = 2;
// What may come next.
const VALUE = 0;
const KEY_OR_END = 1;
const KEY = 2;
const COLON = 3;
const NEXT_OR_END = 4;
const ITEM_OR_END = 5;
const DONE = 6;

/**
 * A strict JSON reader (what `JSON.parse` accepts) fed in pieces: it checks every character but
 * builds only what `keep` asks for, and hands over the items of a streamed array one by one, so a
 * document of any size costs the memory of its largest kept item. Strings kept are capped at
 * `maxKept` characters ({@link TOO_LONG} past it); nesting past the JSON depth cap is an error. A kept
 * key given twice in one object (JSON.parse keeps the last) is handed to the `each` of the item it is in,
 * and is an error where no item takes it: never read as one of the two.
 */
export const createJsonStream = (
  keep: Keep,
  maxKept: number,
): { write(text: string): void; end(): unknown; readonly line: number } => {
  let text = "";
  let pos = 0;
  let line = 1;
  let lineStart = 0; // offset of the current line in `text`, may be negative after a write
  let state = VALUE;
  let root: unknown;
  const kinds: number[] = [];
  const frames: (Frame | undefined)[] = [];
  // A skipped string longer than what is kept in memory: read on across writes.
  let inString = false;
  // The first kept key given twice in the streamed item being read.
  let repeat: Repeat | undefined;

  const fail = (message: string, at = pos, twice = false): never => {
    throw new JsonStreamError(message, line, at - lineStart + 1, twice);
  };

  const frameFor = (slot: Keep | true | undefined, kind: number, at: number): Frame | undefined => {
    if (slot === undefined || slot === true) return undefined;
    // A streamed array is kept as an empty one: its items went to `each`.
    const value = kind === OBJECT ? {} : [];
    const seen = kind === OBJECT && slot.keys !== undefined ? new Set<string>() : undefined;
    return { keep: slot, keys: keysOf(slot), value, key: "", slot: undefined, index: 0, line: at, seen };
  };

  // The slot a value goes into, from the innermost frame (undefined: it is skipped).
  const slotOf = (): Keep | true | undefined => {
    if (kinds.length === 0) return keep;
    const frame = frames[frames.length - 1];
    if (frame === undefined) return undefined;
    return kinds[kinds.length - 1] === OBJECT ? frame.slot : frame.keep!.items;
  };

  const put = (value: unknown, itemLine: number): void => {
    if (kinds.length === 0) {
      root = value;
      return;
    }
    const frame = frames[frames.length - 1];
    if (frame === undefined) return;
    if (kinds[kinds.length - 1] === OBJECT) {
      if (frame.slot !== undefined) (frame.value as Record<string, unknown>)[frame.key] = value;
      return;
    }
    const { each, filter, items, max } = frame.keep!;
    const index = frame.index++;
    if (items === undefined || (filter !== undefined && !filter(value))) return;
    if (each !== undefined) {
      const repeated = repeat;
      repeat = undefined;
      each(value, index, itemLine, repeated);
    } else if (max === undefined || (frame.value as unknown[]).length < max) (frame.value as unknown[]).push(value);
  };

  const afterValue = (): void => {
    state = kinds.length === 0 ? DONE : NEXT_OR_END;
  };

  const open = (kind: number): void => {
    if (kinds.length >= MAX_JSON_DEPTH) fail(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    const slot = slotOf();
    const frame = frameFor(slot, kind, line);
    if (slot === true) put(kind === OBJECT ? {} : [], line);
    kinds.push(kind);
    frames.push(frame);
    state = kind === OBJECT ? KEY_OR_END : ITEM_OR_END;
    pos++;
  };

  const close = (): void => {
    kinds.pop();
    const frame = frames.pop();
    pos++;
    if (frame !== undefined) put(frame.value, frame.line);
    afterValue();
  };

  /** Reads a string at `pos`; false when it runs past the text (more is needed). */
  const string = (final: boolean, isKey: boolean): boolean => {
    const start = pos;
    STRING_BODY.lastIndex = start + 1;
    STRING_BODY.test(text);
    const end = STRING_BODY.lastIndex;
    // Kept: a key of a kept object (to look it up), or a value in a kept slot.
    const kept = isKey ? frames[frames.length - 1]?.keys !== undefined : slotOf() !== undefined;
    if (text.charCodeAt(end) !== 34) {
      stringStop(end, final);
      // Too long to keep, or not kept: read on without holding it.
      if (!kept || end - start > maxKept) {
        inString = true;
        pos = end;
        if (isKey) keyRead(undefined);
        else if (kept) put(TOO_LONG, line);
      }
      return false;
    }
    pos = end + 1;
    if (!kept) {
      if (isKey) state = COLON;
      else afterValue();
      return true;
    }
    const raw = text.slice(start + 1, end);
    // What is kept outlives the piece it was read from.
    const value = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : detach(raw);
    if (isKey) keyRead(value);
    else {
      put(value.length > maxKept ? TOO_LONG : value, line);
      afterValue();
    }
    return true;
  };

  /** A string's body stopped at `end` short of its closing quote: a bad character, or the end of the text so far. */
  const stringStop = (end: number, final: boolean): void => {
    const c = text.charCodeAt(end);
    // An escape cut by the end of the text is read again with the next piece; anything else is bad.
    if (end < text.length && !(c === 92 && end + 6 > text.length)) fail(`bad character ${shown(c)} in a string`, end);
    if (final) fail("unexpected end of JSON input", text.length);
  };

  const keyRead = (key: string | undefined): void => {
    const frame = frames[frames.length - 1];
    state = COLON;
    if (frame === undefined) return;
    frame.slot = key === undefined ? undefined : frame.keys?.get(key);
    frame.key = key ?? "";
    if (frame.slot === undefined) return;
    if (!frame.seen!.has(frame.key)) return void frame.seen!.add(frame.key);
    // A `once` value was handed over already; outside a streamed item nobody would hear of the repeat.
    const once = frame.slot !== true && frame.slot.once === true;
    if (once || !inItem()) fail(`"${frame.key}" is given twice`, pos, true);
    repeat ??= { path: pathHere(), line };
  };

  /** Whether the value being read is inside an item handed to `each`. */
  const inItem = (): boolean => frames.some((f, i) => kinds[i] === ARRAY && f?.keep?.each !== undefined);

  /** The JSON path of the key being read (every frame on the way to a kept key is kept). */
  const pathHere = (): string => jsonPath(frames.map((f, i) => (kinds[i] === OBJECT ? f!.key : f!.index)));

  const run = (final: boolean): void => {
    if (inString) {
      STRING_BODY.lastIndex = pos;
      STRING_BODY.test(text);
      const end = STRING_BODY.lastIndex;
      if (text.charCodeAt(end) !== 34) {
        stringStop(end, final);
        pos = end;
        return;
      }
      inString = false;
      pos = end + 1;
      if (state !== COLON) afterValue();
    }
    const n = text.length;
    for (;;) {
      let c = 0;
      while (pos < n) {
        c = text.charCodeAt(pos);
        if (c === 32 || c === 9 || c === 13) pos++;
        else if (c === 10) {
          line++;
          lineStart = ++pos;
        } else break;
      }
      if (pos >= n) {
        if (final && state !== DONE) fail("unexpected end of JSON input");
        return;
      }
      switch (state) {
        case VALUE:
        case ITEM_OR_END:
          if (c === 123) open(OBJECT);
          else if (c === 91) open(ARRAY);
          else if (c === 93 && state === ITEM_OR_END) close();
          else if (c === 34) {
            if (!string(final, false)) return;
          } else if (c === 45 || (c >= 48 && c <= 57)) {
            NUMBER.lastIndex = pos;
            if (!NUMBER.test(text)) {
              if (pos + 1 === n && !final) return; // a lone "-": the next piece may hold its digits
              fail(`unexpected ${shown(c)}`);
            }
            const end = NUMBER.lastIndex;
            // A number that reaches the end of the text, or stops on what may go on in the next piece.
            if (!final && n - end < 3 && NUMBER_TAIL.test(text.slice(end))) return;
            const slot = slotOf();
            if (slot !== undefined) put(Number(text.slice(pos, end)), line);
            pos = end;
            afterValue();
          } else {
            const literal = LITERALS[c];
            if (literal === undefined) fail(`unexpected ${shown(c)}`);
            const [word, value] = literal!;
            if (pos + word.length > n && !final && word.startsWith(text.slice(pos))) return;
            if (!text.startsWith(word, pos)) fail(`unexpected ${shown(c)}`);
            if (slotOf() !== undefined) put(value, line);
            pos += word.length;
            afterValue();
          }
          break;
        case KEY_OR_END:
        case KEY:
          if (c === 125 && state === KEY_OR_END) close();
          else if (c === 34) {
            if (!string(final, true)) return;
          } else fail(`unexpected ${shown(c)} where a key was expected`);
          break;
        case COLON:
          if (c !== 58) fail(`unexpected ${shown(c)} where ':' was expected`);
          pos++;
          state = VALUE;
          break;
        case NEXT_OR_END: {
          const kind = kinds[kinds.length - 1];
          if (c === 44) {
            pos++;
            state = kind === OBJECT ? KEY : VALUE;
          } else if ((c === 125 && kind === OBJECT) || (c === 93 && kind === ARRAY)) close();
          else fail(`unexpected ${shown(c)} after a value`);
          break;
        }
        default:
          fail(`unexpected ${shown(c)} after the end of the document`);
      }
    }
  };

  return {
    write(piece: string): void {
      text = pos < text.length ? text.slice(pos) + piece : piece;
      lineStart -= pos;
      pos = 0;
      run(false);
    },
    end(): unknown {
      run(true);
      return root;
    },
    get line() {
      return line;
    },
  };
};
