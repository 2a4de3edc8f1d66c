import type { Risk, RiskLevel } from "./types.js";

/** Risk levels, lowest first: what a token holding the scope (or calling the endpoint) can do. */
export const RISK_LEVELS = ["read", "write", "admin", "critical"] as const;

/** One line per level: what it means, for help texts and docs. */
export const RISK_MEANING: Readonly<Record<RiskLevel, string>> = {
  read: "returns data, changes nothing",
  write: "creates or changes data; bounded and undoable",
  admin: "irreversible or environment-wide: deletes users or wallets, changes who signs in or where data goes",
  critical: "yields credentials or acts as someone: mints tokens, signs for users, returns their tokens, resets MFA",
};

/**
 * Orders ratings: 0 read … 3 critical, and 4 for a scope with no rating, which every
 * risk gate and tie-break treats as worse than critical (fail closed).
 */
export const riskRank = (risk: Risk | undefined): number =>
  risk === undefined ? RISK_LEVELS.length : RISK_LEVELS.indexOf(risk.level);

/** A rating as reports print it: its level, or `unrated`. */
export const riskLabel = (risk: Risk | undefined): string => risk?.level ?? "unrated";
