// Two rows, reused: a distance is computed many times per unknown call, and allocating rows each
// time cost more than the arithmetic.
let prev = new Int32Array(64);
let row = new Int32Array(64);

/** Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
export const editDistance = (a: string, b: string, limit = Infinity): number => {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (prev.length <= b.length) {
    prev = new Int32Array(b.length * 2 + 1);
    row = new Int32Array(b.length * 2 + 1);
  }
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    const t = prev;
    prev = row;
    row = t;
  }
  return prev[b.length]!;
};

/** The closest of `candidates` to `name` within a small typo distance, if any. */
export const didYouMean = (name: string, candidates: Iterable<string>): string | undefined => {
  const limit = Math.max(2, Math.floor(name.length / 4));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase(), limit);
    if (d < bestDistance || (d === bestDistance && best !== undefined && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
};
