/** How a catalog change moves its content version: major breaks tokens that relied on it. */
export type Bump = "major" | "minor" | "patch" | "none";

const ORDER: readonly Bump[] = ["none", "patch", "minor", "major"];

/** The larger of two bumps. */
export const maxBump = (a: Bump, b: Bump): Bump => (ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b);

// Semver's numbers have no leading zeros and no size limit: compared and bumped as BigInts, since a
// double would round 2^53 + 1 down and call an unchanged version right.
const parse = (version: string): [bigint, bigint, bigint] | undefined => {
  const m = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/.exec(version);
  return m ? [BigInt(m[1]!), BigInt(m[2]!), BigInt(m[3]!)] : undefined;
};

/** `version` bumped: `1.2.3` + minor is `1.3.0`; a pre-release tag is dropped; `none` keeps it. */
export const bumpVersion = (version: string, bump: Bump): string => {
  const v = parse(version);
  if (v === undefined || bump === "none") return version;
  const [major, minor, patch] = v;
  if (bump === "major") return `${major + 1n}.0.0`;
  if (bump === "minor") return `${major}.${minor + 1n}.0`;
  return `${major}.${minor}.${patch + 1n}`;
};

/** True when `version` is at least `expected` (major, minor, patch compared as numbers). */
export const versionAtLeast = (version: string, expected: string): boolean => {
  const a = parse(version);
  const b = parse(expected);
  if (a === undefined || b === undefined) return false;
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as bigint) > (b[i] as bigint);
  return true;
};
