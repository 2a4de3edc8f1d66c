import type { Rule } from "./rules.js";

/** The rules of `catalog import`, `catalog diff` and `catalog sdk-drift`, after the others in `RULES`. */
export const UPKEEP_RULES: readonly Rule[] = [
  {
    id: "unread-page-line",
    level: "error",
    short: "Page line not read",
    help: "A line of the permissions page looks like part of the catalog but could not be read; nothing was guessed.",
  },
  {
    id: "breaking-impact",
    level: "error",
    short: "Catalog change breaks these calls",
    help: "Under the new catalog a call needs other scopes, or is no longer identified: a token that passed is denied.",
  },
  {
    id: "version-understated",
    level: "error",
    short: "Catalog version understates the change",
    help: "The new catalog's version is below what its changes call for (a moved endpoint is major, a new one minor).",
  },
  {
    id: "breaking-change",
    level: "warning",
    short: "Breaking catalog change",
    help: "An endpoint left a scope or is gone: tokens that relied on that scope for it are denied.",
  },
  { id: "catalog-change", level: "note", short: "Catalog change", help: "A minor or patch change to the catalog." },
  {
    id: "sdk-drift",
    level: "warning",
    short: "Catalog and SDK disagree",
    help: "The installed @dynamic-labs/sdk-api has operations the catalog does not know, or lacks ones it lists.",
  },
];
