import { catalogInfo, endpointKey, scopeInfo, type CallView, type PlanView } from "../core.js";
import { byEndpoint, plural, visible, where, SHOWN, More, Endpoint } from "./common.js";

const NeededBy = ({ calls }: { calls: readonly CallView[] }) => (
  <ul class="needed-by">
    {byEndpoint(calls).map((g) => (
      <li key={endpointKey(g.endpoint)}>
        <Endpoint e={g.endpoint} />
        {g.endpoint.summary && <span class="summary"> {g.endpoint.summary}</span>}
        <div class="where">
          {g.calls.slice(0, 5).map(where).join("; ")}
          {g.calls.length > 5 ? `; ${g.calls.length - 5} more` : ""}
        </div>
      </li>
    ))}
  </ul>
);

const headline = (plan: PlanView, dropped: number): string => {
  const identified = plan.calls.length - plan.unidentified.length;
  if (plan.calls.length === 0) return "No calls yet: type or drop some above.";
  const scopes =
    plan.scopes.length === 0
      ? "No scope covers any call"
      : `${plural(plan.scopes.length, "scope")} cover${plan.scopes.length === 1 ? "s" : ""} ${plural(identified, "identified call")}`;
  const more = dropped > 0 ? ` (and ${plural(dropped, "more distinct request")}, not listed)` : "";
  return plan.unidentified.length === 0
    ? `${scopes}.`
    : `${scopes}; ${plural(plan.unidentified.length, "call")}${more} could not be identified, so no token can be said to cover ${plan.unidentified.length + dropped === 1 ? "it" : "them"}.`;
};

export const AnswerView = ({ plan, dropped }: { plan: PlanView; dropped: number }) => (
  <section aria-labelledby="need-h" id="need" tabIndex={-1}>
    <h2 id="need-h">
      <span class="step">2</span> The scopes it needs
    </h2>
    <p class="headline" aria-live="polite" aria-atomic="true" data-testid="headline">
      {headline(plan, dropped)}
    </p>
    {plan.unidentified.length > 0 && (
      <div class="callout bad" data-testid="blocker">
        <h3>Blocker: {plural(plan.unidentified.length, "call")} no scope is known to cover</h3>
        <p>
          The catalog ({catalogInfo.name} {catalogInfo.version}) has no endpoint for these, so a token&apos;s scopes
          cannot be checked against them. Fix the call, or check Dynamic&apos;s docs before you rely on the token.
        </p>
        <ul>
          {plan.unidentified.slice(0, SHOWN).map((u) => (
            <li key={u.index}>
              <code class="call">{visible(u.call)}</code> <span class="where">({where(u)})</span>:{" "}
              {visible(u.detail.reason)}
            </li>
          ))}
          <More total={plan.unidentified.length} />
        </ul>
      </div>
    )}
    {plan.reasons.length > 0 && (
      <ul class="scopes" aria-label="Minimal scopes">
        {plan.reasons.map((r) => {
          const info = scopeInfo(r.scope);
          return (
            <li class="scope" key={r.scope}>
              <div class="scope-head">
                <h3>
                  <code>{r.scope}</code>
                </h3>
                <span class="group">{info?.group}</span>
              </div>
              <p>{info?.description}</p>
              <p class="meta">
                Unlocks {plural(r.unlocks, "endpoint")}; needed by {plural(r.calls.length, "call")}:
              </p>
              <NeededBy calls={r.calls} />
            </li>
          );
        })}
      </ul>
    )}
    {plan.deprecated.length > 0 && (
      <div class="callout warn">
        <h3>Deprecated endpoints ({plan.deprecated.length})</h3>
        <ul>
          {plan.deprecated.slice(0, SHOWN).map((d) => (
            <li key={d.call.index}>
              <code class="call">{visible(d.call.call)}</code> <span class="where">({where(d.call)})</span>
              {d.replacedBy ? (
                <>
                  {" "}
                  → use <Endpoint e={d.replacedBy} />
                </>
              ) : (
                " has no stated replacement"
              )}
            </li>
          ))}
          <More total={plan.deprecated.length} />
        </ul>
      </div>
    )}
  </section>
);

// ---------------------------------------------------------------- 3. pick and compare
