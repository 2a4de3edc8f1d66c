/** Tokens older than this many days get a rotation hint, and fail the audit. */
export const DEFAULT_MAX_AGE_DAYS = 90;
const DAY_MS = 86_400_000;

/** How far ahead of the clock a `createdAt` may be and still count as just created (clocks drift). */
export const CLOCK_SKEW_MS = 5 * 60_000;

// RFC 3339 / ISO 8601 date-time, as Dynamic's API sends `createdAt`: a 4-digit year, a time, and a zone.
const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/**
 * A `createdAt` as milliseconds since the epoch, or undefined unless it is an ISO 8601 date-time with a zone
 * whose fields all exist (`2026-02-31` does not): `Date.parse` takes "Sun Nov 29 2026" and expanded years
 * (`+275760-…`), and rolls impossible days over, so it is not used alone.
 */
export const parseCreatedAt = (text: string): number | undefined => {
  const m = ISO.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s = "0", fraction = "", z, sign, zh = "0", zm = "0"] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as number[];
  if (hour! > 23 || minute! > 59 || second! > 59 || Number(zh) > 23 || Number(zm) > 59) return undefined;
  const local = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const back = new Date(local);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month! - 1 || back.getUTCDate() !== day)
    return undefined;
  const offset = z !== undefined ? 0 : (sign === "-" ? -1 : 1) * (Number(zh) * 60 + Number(zm)) * 60_000;
  return local - offset + Math.floor(Number(`0${fraction}`) * 1000);
};

/**
 * Whole days from `createdAt` to `now`; undefined (age unknown) when it is missing, not an ISO 8601 date-time
 * with a zone, or later than `now` by more than {@link CLOCK_SKEW_MS}: a token from the future is a forged or
 * broken answer, never a new one.
 */
export const ageInDays = (createdAt: string | undefined, now: number): number | undefined => {
  if (createdAt === undefined) return undefined;
  const t = parseCreatedAt(createdAt);
  if (t === undefined || t - now > CLOCK_SKEW_MS) return undefined;
  return Math.max(0, Math.floor((now - t) / DAY_MS));
};
