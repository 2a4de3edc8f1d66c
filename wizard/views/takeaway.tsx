import { useId } from "preact/hooks";
import { catalogInfo, type CheckView, type PlanView } from "../core.js";
import { curlCommand, requestBody, scopeList, sdkSnippet } from "../takeaway.js";
import { plural, visible, Code } from "./common.js";

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
