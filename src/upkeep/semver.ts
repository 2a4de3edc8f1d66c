/** How a catalog change moves its content version: major breaks tokens that relied on it. */
export type Bump = "major" | "minor" | "patch" | "none";

const ORDER: readonly Bump[] = ["none", "patch", "minor", "major"];

/** The larger of two bumps. */
export const maxBump = (a: Bump, b: Bump): Bump => (ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b);

const parse = (version: string): [number, number, number] | undefined => {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
};

/** `version` bumped: `1.2.3` + minor is `1.3.0`; a pre-release tag is dropped; `none` keeps it. */
export const bumpVersion = (version: string, bump: Bump): string => {
  const v = parse(version);
  if (v === undefined || bump === "none") return version;
  const [major, minor, patch] = v;
  if (bump === "major") return `${major + 1}.0.0`;
  if (bump === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
};

/** True when `version` is at least `expected` (major, minor, patch compared as numbers). */
export const versionAtLeast = (version: string, expected: string): boolean => {
  const a = parse(version);
  const b = parse(expected);
  if (a === undefined || b === undefined) return false;
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as number) > (b[i] as number);
  return true;
};
