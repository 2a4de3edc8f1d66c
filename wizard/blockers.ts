// When the page offers the create-token request, and why not. Fail closed: no request while a call is not
// identified, an input was not read in full, or a link was damaged (until the user dismisses it), since the
// scopes would then be an answer for fewer calls than the token is for; and never one with no scopes, which
// Dynamic may read as a token without limits (docs/tokens.md; `scopewise token create` never sends one).
import type { PlanView } from "./core.js";
import { plural, type InputResult } from "./inputs.js";

/** Why each input stands in the way, if it does: items it could not read, or the whole input. */
const inputBlockers = (inputs: readonly InputResult[]): string[] =>
  inputs.flatMap((i) => {
    const name = i.kind === "typed" ? "The typed calls" : i.name;
    if (i.kind === "source") return [`${name} was not read (source code): remove it, or type its calls above`];
    if (i.message?.tone === "error") return [`${name} was not read: remove it, or drop a file the page can read`];
    if (i.problems.length === 0) return [];
    return [`${name}: ${plural(i.problems.length, "part")} could not be read (listed in step 1)`];
  });

/** Everything that stands between the page and a create-token request, each a sentence. */
export const takeawayBlockers = (o: {
  readonly plan: PlanView;
  readonly inputs: readonly InputResult[];
  readonly linkProblems: readonly string[];
}): string[] => {
  const dropped = o.inputs.reduce((n, i) => n + (i.dropped ?? 0), 0);
  const unidentified = o.plan.unidentified.length + dropped;
  return [
    ...(o.linkProblems.length > 0
      ? ["The link this page was opened with is damaged or from another version (see the top of the page)"]
      : []),
    ...(unidentified > 0 ? [`${plural(unidentified, "call")} could not be identified (see step 2)`] : []),
    ...inputBlockers(o.inputs),
  ];
};

/** Why there is nothing to create even with no blocker: no scopes ticked, or no calls yet. */
export const emptyReason = (scopes: readonly string[], plan: PlanView): string | undefined =>
  scopes.length > 0
    ? undefined
    : plan.calls.length === 0
      ? "No calls yet: type or drop some above, and the request that creates the token appears here."
      : "No scope is ticked. A token created with an empty scope list may have no limits at all, so the page does not offer one.";
