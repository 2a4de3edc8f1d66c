// The four steps of the page, one module each; components only render, app.tsx holds the state.
import type { ComponentChildren } from "preact";
import {
  endpointKey,
  statusLabel,
  type CallView,
  type CheckView,
  type EndpointRef,
  type UnidentifiedView,
} from "../core.js";

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/**
 * Untrusted text as shown: control and invisible format characters (bidi overrides, zero-width spaces, line
 * separators) are written as `\u{…}`, so a call cannot look like another one.
 */
export const visible = (text: string): string =>
  text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);

/** Where a call came from: `typed calls, line 3`, `session.har $.log.entries[4] (×12)`. */
export const where = (c: CallView): string => {
  const s = c.source;
  const at = s.line !== undefined ? `line ${s.line}` : (s.path ?? "");
  const times = s.occurrences === undefined ? "" : ` (×${s.occurrences.toLocaleString("en-US")})`;
  return visible(`${s.file}${at === "" ? "" : `, ${at}`}${times}`);
};

/** Lists show this many items, then say how many more there are: a paste of 100,000 lines stays a page. */
export const SHOWN = 100;

export const More = ({ total }: { total: number }) =>
  total > SHOWN ? <li class="more">…and {(total - SHOWN).toLocaleString("en-US")} more not shown</li> : null;

export const Code = ({ children }: { children: ComponentChildren }) => <code>{children}</code>;

export const Endpoint = ({ e }: { e: EndpointRef }) => (
  <code class="endpoint">
    {e.method} {e.path}
  </code>
);

// ---------------------------------------------------------------- 1. inputs

export const Unidentified = ({
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

/** Calls grouped by endpoint: one line per endpoint with where its calls came from. */
export interface EndpointCalls {
  readonly endpoint: EndpointRef & { readonly summary?: string };
  readonly calls: CallView[];
}

export const byEndpoint = (calls: readonly CallView[]): EndpointCalls[] => {
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

export const MissingList = ({ check }: { check: CheckView }) => (
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
