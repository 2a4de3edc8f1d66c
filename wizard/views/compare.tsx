import { useId } from "preact/hooks";
import { type CheckView, type TokenView } from "../core.js";
import { plural, visible, SHOWN, Code, MissingList } from "./common.js";

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
