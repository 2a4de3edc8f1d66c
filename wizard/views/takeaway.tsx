import { useId } from "preact/hooks";
import { emptyReason } from "../blockers.js";
import { catalogInfo, hiddenCharacters, type CheckView, type PlanView } from "../core.js";
import { curlCommand, requestBody, scopeList, sdkSnippet } from "../takeaway.js";
import { plural, visible, Code } from "./common.js";

const codePoints = (chars: readonly string[]): string =>
  chars
    .slice(0, 8)
    .map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`)
    .join(", ") + (chars.length > 8 ? `, ${chars.length - 8} more` : "");

/** Says that a field holds hidden characters (a link can put them there) and offers to remove them. */
const Hidden = (props: { value: string; what: string; effect: string; onValue: (value: string) => void }) => {
  const hidden = hiddenCharacters(props.value);
  if (hidden.length === 0) return null;
  return (
    <p class="hint warn-text" data-testid="hidden-characters">
      The {props.what} holds hidden characters ({codePoints(hidden)}): {props.effect}.{" "}
      <button
        type="button"
        class="small quiet"
        onClick={() => props.onValue([...props.value].filter((c) => !hidden.includes(c)).join(""))}
      >
        Remove them
      </button>
    </p>
  );
};

/** Why the request is not shown: the blockers that stand, or that there is nothing to create yet. */
const NotOffered = ({ blockers, empty }: { blockers: readonly string[]; empty: string | undefined }) =>
  blockers.length > 0 ? (
    <div class="callout bad" data-testid="takeaway-blocked">
      <h3>
        No create-token request while {plural(blockers.length, "blocker")} stand{blockers.length === 1 ? "s" : ""}
      </h3>
      <p>The scopes above would be an answer for fewer calls than the token is for, so they are not offered yet:</p>
      <ul>
        {blockers.map((b, i) => (
          <li key={i}>{visible(b)}</li>
        ))}
      </ul>
    </div>
  ) : (
    <p class="callout info" data-testid="takeaway-blocked">
      {empty}
    </p>
  );

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
  /** What stands in the way of a create-token request; none: it is offered (with at least one scope). */
  blockers: readonly string[];
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
  link: () => string;
  /** Why the page offers no link: it holds more than a link can, or the link it was opened with is damaged. */
  noLink: string | undefined;
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
  const empty = emptyReason(scopes, props.plan);
  const offered = props.blockers.length === 0 && empty === undefined;
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>
        <span class="step">4</span> Take it away
      </h2>
      {offered && blocked > 0 && (
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
          <Hidden
            value={props.note}
            what="note"
            effect={"the request writes each as a \\u escape, the same character"}
            onValue={props.onNote}
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
          <Hidden
            value={props.environmentId}
            what="environment ID"
            effect="it is not used, and the snippets read DYNAMIC_ENVIRONMENT_ID"
            onValue={props.onEnvironmentId}
          />
          {/^\.\.?$/.test(props.environmentId) && (
            <p class="hint warn-text">
              “{props.environmentId}” cannot stand in a URL path: the snippets read <Code>DYNAMIC_ENVIRONMENT_ID</Code>.
            </p>
          )}
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
      {offered ? (
        <>
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
        </>
      ) : (
        <NotOffered blockers={props.blockers} empty={empty} />
      )}
      <div class="row">
        {props.noLink === undefined ? (
          <>
            <button type="button" onClick={() => props.onCopy("the link to this page", props.link())}>
              Copy link to this page
            </button>
            <span class="hint">The link holds the calls and choices on this page, never a token.</span>
          </>
        ) : (
          <span class="hint">{props.noLink}</span>
        )}
      </div>
    </section>
  );
};
