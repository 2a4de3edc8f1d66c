/** Shortest secret redacted at all; shorter values (a test's `x`) would shred ordinary text. */
const MIN_SECRET = 8;
/** Any run of this many characters of a secret is redacted too, so a server echoing half a token does not leak it. */
const WINDOW = 12;
const MARK = "[redacted]";

/**
 * `text` with every secret, and every run of 12 or more of a secret's characters, replaced by
 * `[redacted]`. The last line of defence: output is built without secrets, and this catches what a
 * server echoes back (an error message quoting the Authorization header).
 */
export const redact = (text: string, secrets: readonly string[]): string => {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET) continue;
    out = out.split(secret).join(MARK);
    if (secret.length < WINDOW) continue;
    const hidden = new Uint8Array(out.length);
    let any = false;
    for (let k = 0; k + WINDOW <= secret.length; k++) {
      const piece = secret.slice(k, k + WINDOW);
      for (let at = out.indexOf(piece); at !== -1; at = out.indexOf(piece, at + 1)) {
        hidden.fill(1, at, at + WINDOW);
        any = true;
      }
    }
    if (!any) continue;
    let next = "";
    for (let i = 0; i < out.length; i++) {
      if (hidden[i] !== 1) next += out[i];
      else if (i === 0 || hidden[i - 1] !== 1) next += MARK;
    }
    out = next;
  }
  return out;
};
