import { shown } from "../util/shown.js";

// Markdown cannot be escaped once at the model's edge, as the text formats are (shown-report.ts):
// input is safe only inside a code span, which depends on where it lands. So a Markdown formatter
// builds its output only from `Safe` pieces, which only the format's template tag makes: in
// `f\`…${x}…\`` the literal parts are the formatter's own words, and each value is escaped for the
// format unless it already is a piece of it. A raw string cannot reach the output without passing the
// tag: the types do not allow it, so a section added later escapes its input by construction.

/** Output for format `F`: the formatter's own words, or input escaped for `F`. */
export class Safe<F extends string> {
  /** Nominal: a piece of one format is not a piece of another. */
  declare private readonly format: F;
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** What a format's tag takes: its own pieces as they are, numbers as digits, anything else escaped. */
export type Value<F extends string> = Safe<F> | string | number;

/** A format's template tag, with helpers that keep to the same rule. */
export interface SafeFormat<F extends string> {
  (strings: TemplateStringsArray, ...values: readonly Value<F>[]): Safe<F>;
  /** One value as a piece: escaped unless it is one. */
  of(value: Value<F>): Safe<F>;
  /** Pieces joined by the formatter's own separator. */
  join(pieces: readonly Value<F>[], separator: string): Safe<F>;
  /** `1 call`, `2 calls`: a count and the formatter's own word. */
  count(n: number, word: string, many?: string): Safe<F>;
}

/** Makes the tag of one format from how it escapes input. */
export const safeFormat = <F extends string>(escape: (input: string) => string): SafeFormat<F> => {
  // An empty value shows as nothing, so `cond ? f\`…\` : ""` adds nothing in every format.
  const of = (value: Value<F>): Safe<F> =>
    value instanceof Safe
      ? value
      : new Safe(typeof value === "number" ? String(value) : value === "" ? "" : escape(value));
  const tag = (strings: TemplateStringsArray, ...values: readonly Value<F>[]): Safe<F> => {
    let text = strings[0] as string;
    values.forEach((v, i) => (text += of(v).text + (strings[i + 1] as string)));
    return new Safe(text);
  };
  // Words are the formatter's own; a word that is not a plain one is escaped all the same.
  const word = (w: string): string => (/^[a-z ]*$/.test(w) ? w : escape(w));
  return Object.assign(tag, {
    of,
    join: (pieces: readonly Value<F>[], separator: string) =>
      new Safe<F>(pieces.map((p) => of(p).text).join(separator)),
    count: (n: number, w: string, many = `${w}s`) => new Safe<F>(`${n} ${word(n === 1 ? w : many)}`),
  });
};

/**
 * Plain text (terminal, CI log, SARIF and GitHub messages): input is shown inert (`shown`). The
 * whole output then goes through {@link noCommandLines}.
 */
export const text = safeFormat<"text">(shown);

/**
 * A line a CI runner would read as a workflow command (`::name::…` after leading white space, which
 * it trims as .NET does: Unicode spaces too) can only start with input, since no formatter writes
 * one: its first `:` is written `\u003a`.
 */
export const noCommandLines = (output: string): string =>
  output.replace(/^([^\S\n]*):(?=:)/gm, (_, blanks: string) => `${blanks}\\u003a`);
