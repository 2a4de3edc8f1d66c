import { useId } from "preact/hooks";
import type { CallView, PlanView, UnidentifiedView } from "../core.js";
import type { InputResult } from "../inputs.js";
import { visible, where, SHOWN, More, Code, Unidentified } from "./common.js";

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
  const shown = props.inputs.filter((i) => i.kind !== "typed" || i.calls.length > 0 || i.problems.length > 0);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>
        <span class="step">1</span> What is the token for?
      </h2>
      <label for={`${id}-calls`}>Calls, one per line</label>
      <p class="hint" id={`${id}-calls-hint`}>
        <Code>METHOD URL</Code> (<Code>GET /environments/:environmentId/users</Code>, or with a full URL) or an SDK
        operation as <Code>Class.method</Code> (<Code>UsersApi.getEnvironmentUsers</Code>), one call a line, read as{" "}
        <Code>scopewise plan</Code> reads a calls file. Lines starting with <Code>#</Code> are comments. Code is not
        read here: run <Code>npx scopewise scan</Code> on it.
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
