// The four steps of the page. Components only render; app.tsx holds the state.
import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";
import {
  catalogInfo,
  endpointKey,
  scopeGroups,
  scopeInfo,
  statusLabel,
  unlockedBy,
  type CallView,
  type CheckView,
  type EndpointRef,
  type PlanView,
  type TokenView,
  type UnidentifiedView,
} from "./core.js";
import type { InputResult } from "./inputs.js";
import { curlCommand, requestBody, scopeList, sdkSnippet } from "./takeaway.js";

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/**
 * Untrusted text as shown: control and invisible format characters (bidi overrides, zero-width spaces, line
 * separators) are written as `\u{…}`, so a call cannot look like another one.
 */
export const visible = (text: string): string =>
  text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);

/** Where a call came from: `typed calls, line 3`, `session.har $.log.entries[4] (×12)`. */
const where = (c: CallView): string => {
  const s = c.source;
  const at = s.line !== undefined ? `line ${s.line}` : (s.path ?? "");
  const times = s.occurrences === undefined ? "" : ` (×${s.occurrences.toLocaleString("en-US")})`;
  return visible(`${s.file}${at === "" ? "" : `, ${at}`}${times}`);
};

/** Lists show this many items, then say how many more there are: a paste of 100,000 lines stays a page. */
const SHOWN = 100;

const More = ({ total }: { total: number }) =>
  total > SHOWN ? <li class="more">…and {(total - SHOWN).toLocaleString("en-US")} more not shown</li> : null;

const Code = ({ children }: { children: ComponentChildren }) => <code>{children}</code>;

const Endpoint = ({ e }: { e: EndpointRef }) => (
  <code class="endpoint">
    {e.method} {e.path}
  </code>
);

// ---------------------------------------------------------------- 1. inputs

const Unidentified = ({
  u,
  onReplaceLine,
}: {
  u: UnidentifiedView;
  onReplaceLine?: ((line: number, text: string) => void) | undefined;
}) => {
  const suggestions = u.detail.suggestions ?? [];
  return (
    <li>
      <code class="call">{visible(u.call)}</code> <span class="where">({where(u)})</span>
      <div class="reason">
        {statusLabel(u.result)}: {visible(u.detail.reason)}
        {u.source.note && <> · {visible(u.source.note)}</>}
      </div>
      {suggestions.length > 0 && onReplaceLine && u.source.line !== undefined && (
        <div class="suggestions">
          {suggestions.map((s) => (
            <button
              type="button"
              class="small"
              key={endpointKey(s)}
              onClick={() => onReplaceLine(u.source.line!, endpointKey(s))}
              aria-label={`Use ${endpointKey(s)} on line ${u.source.line}`}
            >
              Use {endpointKey(s)}
            </button>
          ))}
        </div>
      )}
    </li>
  );
};

const InputCard = ({
  input,
  unidentified,
  notes,
  onRemove,
  onReplaceLine,
}: {
  input: InputResult;
  unidentified: readonly UnidentifiedView[];
  notes: readonly CallView[];
  onRemove?: (() => void) | undefined;
  onReplaceLine?: ((line: number, text: string) => void) | undefined;
}) => (
  <li class={`input ${input.message?.tone === "error" ? "bad" : ""}`}>
    <div class="input-head">
      <h3>{visible(input.name)}</h3>
      {onRemove && (
        <button type="button" class="small quiet" onClick={onRemove} aria-label={`Remove ${visible(input.name)}`}>
          Remove
        </button>
      )}
    </div>
    <p>
      <strong>Read:</strong> {input.read}
    </p>
    {input.message && <p class={`message ${input.message.tone}`}>{visible(input.message.text)}</p>}
    {input.skipped.length > 0 && (
      <div>
        <strong>Skipped:</strong>
        <ul>
          {input.skipped.map((s) => (
            <li key={s}>{visible(s)}</li>
          ))}
        </ul>
      </div>
    )}
    {input.problems.length > 0 && (
      <div>
        <strong>Could not read:</strong>
        <ul>
          {input.problems.map((p, i) => (
            <li key={i}>{visible(p)}</li>
          ))}
        </ul>
      </div>
    )}
    {notes.length > 0 && (
      <div>
        <strong>Read as:</strong>
        <ul>
          {notes.slice(0, SHOWN).map((c) => (
            <li key={c.index}>
              <code class="call">{visible(c.call)}</code> <span class="where">({where(c)})</span>:{" "}
              {visible(c.source.note ?? "")}
            </li>
          ))}
          <More total={notes.length} />
        </ul>
      </div>
    )}
    {unidentified.length > 0 && (
      <div>
        <strong class="bad-text">
          Not identified ({unidentified.length.toLocaleString("en-US")}
          {input.dropped ? ` and ${input.dropped.toLocaleString("en-US")} more distinct requests, not listed` : ""}):
        </strong>
        <ul class="unidentified">
          {unidentified.slice(0, SHOWN).map((u) => (
            <Unidentified key={u.index} u={u} onReplaceLine={onReplaceLine} />
          ))}
          <More total={unidentified.length} />
        </ul>
      </div>
    )}
  </li>
);

export const InputsView = (props: {
  typed: string;
  onTyped: (text: string) => void;
  onExample: () => void;
  inputs: readonly InputResult[];
  plan: PlanView;
  reading: boolean;
  onFiles: (files: File[]) => void;
  onRemove: (id: string) => void;
  onReplaceLine: (line: number, text: string) => void;
}) => {
  const id = useId();
  const shown = props.inputs.filter((i) => i.kind !== "typed" || i.calls.length > 0);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>
        <span class="step">1</span> What is the token for?
      </h2>
      <label for={`${id}-calls`}>Calls, one per line</label>
      <p class="hint" id={`${id}-calls-hint`}>
        <Code>METHOD URL</Code> (<Code>GET /environments/:environmentId/users</Code>), a full URL, or an SDK call as
        written in code (<Code>usersApi.getEnvironmentUsers</Code>). Lines starting with <Code>#</Code> are comments.
      </p>
      <textarea
        id={`${id}-calls`}
        name="calls"
        rows={7}
        spellcheck={false}
        autocomplete="off"
        autocapitalize="off"
        maxLength={1_000_000}
        aria-describedby={`${id}-calls-hint`}
        value={props.typed}
        onInput={(e) => props.onTyped(e.currentTarget.value)}
      />
      <div class="row">
        <button type="button" class="quiet" onClick={props.onExample}>
          Fill in an example
        </button>
      </div>
      <div class="drop">
        <p>
          Or drop files anywhere on the page: a <strong>HAR</strong> from your browser&apos;s network panel, an{" "}
          <strong>access log</strong> (common/combined or JSON lines), a calls file, or a token JSON.
        </p>
        <label class="button" for={`${id}-files`}>
          Choose files…
        </label>
        <input
          id={`${id}-files`}
          class="visually-hidden"
          type="file"
          multiple
          onChange={(e) => {
            const input = e.currentTarget;
            props.onFiles([...(input.files ?? [])]);
            input.value = "";
          }}
        />
        {props.reading && <p class="reading">Reading…</p>}
      </div>
      {shown.length > 0 && (
        <>
          <h3 class="sub">What was read</h3>
          <ul class="inputs">
            {shown.map((input) => (
              <InputCard
                key={input.id}
                input={input}
                unidentified={props.plan.unidentified.filter((u) => u.source.input === input.id)}
                notes={props.plan.calls.filter(
                  (c) => c.source.input === input.id && c.source.note !== undefined && c.result.status === "matched",
                )}
                onRemove={input.kind === "typed" ? undefined : () => props.onRemove(input.id)}
                onReplaceLine={input.kind === "typed" ? props.onReplaceLine : undefined}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
};

// ---------------------------------------------------------------- 2. the answer

/** Calls grouped by endpoint: one line per endpoint with where its calls came from. */
interface EndpointCalls {
  readonly endpoint: EndpointRef & { readonly summary?: string };
  readonly calls: CallView[];
}

const byEndpoint = (calls: readonly CallView[]): EndpointCalls[] => {
  const groups = new Map<string, EndpointCalls>();
  for (const c of calls) {
    if (c.result.status !== "matched") continue;
    const key = endpointKey(c.result.endpoint);
    const g: EndpointCalls = groups.get(key) ?? { endpoint: c.result.endpoint, calls: [] };
    g.calls.push(c);
    groups.set(key, g);
  }
  return [...groups.values()];
};

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

const MissingList = ({ check }: { check: CheckView }) => (
  <ul>
    {check.missing.slice(0, SHOWN).map((m) => (
      <li key={m.call.index}>
        <code class="call">{visible(m.call.call)}</code> <span class="where">({where(m.call)})</span> needs{" "}
        <code>{m.anyOf.join(" or ")}</code>
      </li>
    ))}
    <More total={check.missing.length} />
  </ul>
);

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

const TokenCheckView = ({ check, label }: { check: CheckView; label: string }) => (
  <div class="token-check">
    <p class={check.sufficient ? "good" : "bad-text"}>
      <strong>{label}:</strong>{" "}
      {check.sufficient
        ? "enough for every call."
        : check.unidentified > 0 && check.missing.length === 0
          ? `cannot be called enough: ${plural(check.unidentified, "call")} could not be identified.`
          : `not enough: ${plural(check.missing.length, "call")} not covered.`}
    </p>
    {check.missing.length > 0 && (
      <>
        <p>
          <strong>Missing:</strong> add {check.add.join(", ")}
        </p>
        <MissingList check={check} />
      </>
    )}
    {check.unused.length > 0 && (
      <p>
        <strong>Unused:</strong> remove{" "}
        {check.unused.map((u) => `${u.scope} (${plural(u.unlocks, "endpoint")} for nothing)`).join(", ")}
      </p>
    )}
    {check.unknownScopes.length > 0 && (
      <p>
        <strong>Not Dynamic scopes:</strong>{" "}
        {check.unknownScopes
          .map((u) => visible(u.didYouMean ? `${u.scope} (did you mean ${u.didYouMean}?)` : u.scope))
          .join(", ")}
      </p>
    )}
  </div>
);

export const TokenCompareView = (props: {
  text: string;
  onText: (text: string) => void;
  token: TokenView | undefined;
}) => {
  const id = useId();
  const t = props.token;
  return (
    <div class="compare">
      <h3>Compare with an existing token</h3>
      <label for={`${id}-token`}>Token JSON</label>
      <p class="hint" id={`${id}-hint`}>
        Paste the token as <Code>GET /environments/:environmentId/tokens</Code> returns it (or{" "}
        <Code>{'{ "scopes": [...] }'}</Code>). Only its scope names are read, and only they go into the link.
      </p>
      <textarea
        id={`${id}-token`}
        rows={4}
        spellcheck={false}
        autocomplete="off"
        autocapitalize="off"
        maxLength={1_000_000}
        aria-describedby={`${id}-hint`}
        value={props.text}
        onInput={(e) => props.onText(e.currentTarget.value)}
      />
      <div aria-live="polite" data-testid="token-result">
        {t?.kind === "error" && (
          <div class="callout bad">
            <p>This token JSON could not be read:</p>
            <ul>
              {t.problems.slice(0, 10).map((p) => (
                <li key={p}>{visible(p)}</li>
              ))}
            </ul>
          </div>
        )}
        {t?.kind === "token" && <TokenCheckView check={t.check} label="This token" />}
        {t?.kind === "tokens" &&
          (t.tokens.length === 0 ? (
            <p>The list has no tokens.</p>
          ) : (
            t.tokens
              .slice(0, SHOWN)
              .map((tok, i) => (
                <TokenCheckView key={i} check={tok.check} label={visible(tok.note ?? tok.id ?? `Token ${i + 1}`)} />
              ))
          ))}
      </div>
    </div>
  );
};

// ---------------------------------------------------------------- 4. take it away

const CopyBlock = (props: {
  title: string;
  what: string;
  text: string;
  onCopy: (what: string, text: string) => void;
  wrap?: boolean;
}) => {
  const id = useId();
  return (
    <div class="copy-block">
      <div class="copy-head">
        <h3 id={id}>{props.title}</h3>
        <button type="button" aria-describedby={id} onClick={() => props.onCopy(props.what, props.text)}>
          Copy
        </button>
      </div>
      <pre aria-labelledby={id} tabIndex={0} class={props.wrap ? "wrap" : undefined}>
        <code>{props.text}</code>
      </pre>
    </div>
  );
};

export const TakeawayView = (props: {
  scopes: readonly string[];
  selection: CheckView;
  plan: PlanView;
  note: string;
  onNote: (note: string) => void;
  environmentId: string;
  onEnvironmentId: (id: string) => void;
  baseUrl: string;
  onBaseUrl: (url: string) => void;
  onCopy: (what: string, text: string) => void;
  /** Undefined when the page holds more than a link can. */
  link: (() => string) | undefined;
}) => {
  const id = useId();
  const scopes = [...props.scopes].sort();
  const request = { note: props.note, scopes, environmentId: props.environmentId, baseUrl: props.baseUrl };
  const detected = [
    ...new Set(
      props.plan.calls.flatMap((c) => {
        const v = c.result.status === "matched" ? c.result.params["environmentId"] : undefined;
        return v === undefined || /^[:{]/.test(v) ? [] : [v];
      }),
    ),
  ];
  const blocked = props.selection.missing.length + props.selection.unidentified;
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>
        <span class="step">4</span> Take it away
      </h2>
      {blocked > 0 && (
        <p class="callout warn">
          A token with these scopes will not be enough for {plural(blocked, "call")} (see above).
        </p>
      )}
      <div class="fields">
        <div class="field">
          <label for={`${id}-note`}>Note (names the token in Dynamic)</label>
          <input
            id={`${id}-note`}
            type="text"
            maxLength={1000}
            value={props.note}
            onInput={(e) => props.onNote(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${id}-env`}>Environment ID</label>
          <input
            id={`${id}-env`}
            type="text"
            maxLength={200}
            spellcheck={false}
            autocomplete="off"
            placeholder="from $DYNAMIC_ENVIRONMENT_ID"
            aria-describedby={`${id}-env-hint`}
            value={props.environmentId}
            onInput={(e) => props.onEnvironmentId(e.currentTarget.value)}
          />
          <p class="hint" id={`${id}-env-hint`}>
            Leave empty to read it from <Code>DYNAMIC_ENVIRONMENT_ID</Code>.
          </p>
          {detected.length === 1 && detected[0] !== props.environmentId && (
            <button type="button" class="small quiet" onClick={() => props.onEnvironmentId(detected[0]!)}>
              Use {visible(detected[0]!)} (from your calls)
            </button>
          )}
        </div>
        <div class="field">
          <label for={`${id}-base`}>API host</label>
          <select id={`${id}-base`} value={props.baseUrl} onChange={(e) => props.onBaseUrl(e.currentTarget.value)}>
            {catalogInfo.baseUrls.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </div>
      </div>
      <CopyBlock
        title="Create-token request body"
        what="the request body"
        text={requestBody(request)}
        onCopy={props.onCopy}
      />
      <CopyBlock
        title="curl (your token from $DYNAMIC_API_TOKEN)"
        what="the curl command"
        text={curlCommand(request)}
        onCopy={props.onCopy}
      />
      <CopyBlock
        title={`${catalogInfo.sdk.name} (TypeScript)`}
        what="the SDK snippet"
        text={sdkSnippet(request)}
        onCopy={props.onCopy}
      />
      <CopyBlock title="Scope list" what="the scope list" text={scopeList(scopes)} onCopy={props.onCopy} wrap />
      <div class="row">
        {props.link ? (
          <>
            <button type="button" onClick={() => props.onCopy("the link to this page", props.link!())}>
              Copy link to this page
            </button>
            <span class="hint">The link holds the calls and choices on this page, never a token.</span>
          </>
        ) : (
          <span class="hint">This page holds more calls than a link can (512 KB): share the files instead.</span>
        )}
      </div>
    </section>
  );
};
