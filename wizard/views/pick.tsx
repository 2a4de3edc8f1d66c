import type { ComponentChildren } from "preact";
import { endpointKey, scopeGroups, scopeInfo, unlockedBy, type CheckView, type PlanView } from "../core.js";
import { plural, Endpoint, MissingList } from "./common.js";

const Extra = ({ scope, unlocks, needed }: { scope: string; unlocks: number; needed: ReadonlySet<string> }) => {
  const extra = (scopeInfo(scope)?.endpoints ?? []).filter((e) => !needed.has(endpointKey(e)));
  return (
    <li>
      <details>
        <summary>
          <code>{scope}</code>: {plural(unlocks, "endpoint")} no call uses
        </summary>
        <ul class="endpoints">
          {extra.map((e) => (
            <li key={endpointKey(e)}>
              <Endpoint e={e} /> <span class="summary">{e.summary}</span>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
};

const SelectionResult = ({ selection, plan }: { selection: CheckView; plan: PlanView }) => {
  const unlocked = unlockedBy(selection.granted).size;
  const needed = new Set(
    plan.calls.flatMap((c) => (c.result.status === "matched" ? [endpointKey(c.result.endpoint)] : [])),
  );
  return (
    <div class="selection" aria-live="polite" data-testid="selection">
      {selection.missing.length > 0 ? (
        <div class="callout bad">
          <h3>These ticks break {plural(selection.missing.length, "call")}</h3>
          <MissingList check={selection} />
          <p>
            Tick <strong>{selection.add.join(", ")}</strong> to cover them.
          </p>
        </div>
      ) : plan.calls.length === 0 ? null : selection.unidentified === 0 ? (
        <p class="good">These ticks cover every call.</p>
      ) : (
        <p>
          These ticks cover every identified call; {plural(selection.unidentified, "call")} could not be identified (see
          the blocker above).
        </p>
      )}
      <p>
        A token with these ticks can reach <strong>{plural(unlocked, "endpoint")}</strong>; your calls use{" "}
        {plural(needed.size, "endpoint")}.
      </p>
      {selection.unused.length > 0 && (
        <div class="callout info">
          <h3>Ticked beyond the need: what more the token could do</h3>
          <ul class="extras">
            {selection.unused.map((u) => (
              <Extra key={u.scope} scope={u.scope} unlocks={u.unlocks} needed={needed} />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
};

export const PickView = (props: {
  plan: PlanView;
  selected: readonly string[];
  following: boolean;
  selection: CheckView;
  onPick: (scope: string, on: boolean) => void;
  onReset: () => void;
  children: ComponentChildren;
}) => {
  const minimal = new Set<string>(props.plan.scopes);
  const selected = new Set(props.selected);
  return (
    <section aria-labelledby="pick-h">
      <h2 id="pick-h">
        <span class="step">3</span> Pick and compare
      </h2>
      <p class="hint">
        Ticked: the minimal set. Untick one to see which calls break; tick more to see what else the token could do.
      </p>
      <div class="groups">
        {scopeGroups.map((g) => (
          <fieldset key={g.group}>
            <legend>{g.group}</legend>
            {g.scopes.map((s) => {
              const id = `scope-${s.name}`;
              return (
                <div class={`check ${minimal.has(s.name) ? "needed" : ""}`} key={s.name}>
                  <input
                    type="checkbox"
                    id={id}
                    checked={selected.has(s.name)}
                    onChange={(e) => props.onPick(s.name, e.currentTarget.checked)}
                    aria-describedby={`${id}-d`}
                  />
                  <label for={id}>
                    <code>{s.name}</code>
                    {minimal.has(s.name) && <span class="badge">needed</span>}
                  </label>
                  <p class="check-desc" id={`${id}-d`}>
                    {s.description} {plural(s.endpoints.length, "endpoint")}.
                  </p>
                </div>
              );
            })}
          </fieldset>
        ))}
      </div>
      <div class="row">
        <button type="button" class="quiet" onClick={props.onReset} disabled={props.following}>
          Reset to the minimal set
        </button>
      </div>
      <SelectionResult selection={props.selection} plan={props.plan} />
      {props.children}
    </section>
  );
};
