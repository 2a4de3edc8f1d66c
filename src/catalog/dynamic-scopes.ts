/** Dynamic's `TokenScopes` enum: every scope a Dynamic API token can carry. */
export const DYNAMIC_SCOPES = [
  "waas.authenticate",
  "waas.delegatedAccess.signMessage",
  "environment.balances.read",
  "environment.apiTokens.read",
  "environment.apiTokens.write",
  "environment.events.read",
  "environment.events.write",
  "environment.webhooks.read",
  "environment.webhooks.write",
  "environment.analytics.read",
  "environment.users.read",
  "environment.users.write",
  "environment.settings.read",
  "environment.settings.write",
] as const;

/** A Dynamic API token scope. */
export type Scope = (typeof DYNAMIC_SCOPES)[number];
