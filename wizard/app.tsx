// The page: state, the four steps, and the link. Text reaches the DOM only as Preact text nodes and
// attribute values, never as markup, so nothing typed, dropped or linked can add elements or run code.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { takeawayBlockers } from "./blockers.js";
import { catalogInfo, checkable, checkScopes, checkTokenDocument, planFor, type TokenView } from "./core.js";
import { linkCalls, linkInput, type InputResult } from "./inputs.js";
import { copyText, useFileDrop, useSettled } from "./page-effects.js";
import { decodeState, emptyState, encodeState, isAnchor, type LinkState } from "./permalink.js";
import { readFile } from "./read-file.js";
import { readTypedCalls, replaceLine, TYPED } from "./typed-calls.js";
import { AnswerView } from "./views/answer.js";
import { HashBanner, LinkBlocker } from "./views/banners.js";
import { visible } from "./views/common.js";
import { TokenCompareView } from "./views/compare.js";
import { InputsView } from "./views/inputs.js";
import { PickView } from "./views/pick.js";
import { TakeawayView } from "./views/takeaway.js";

/** Longer addresses are not kept by every browser; the page then says the link cannot hold it. */
const MAX_LINK = 512 * 1024;
const EMPTY_LINK = encodeState(emptyState());

const EXAMPLE = [
  "# One call per line: METHOD URL, or an SDK operation as Class.method",
  "UsersApi.getEnvironmentUsers",
  "POST /environments/{environmentId}/users",
  "GET https://app.dynamicauth.com/api/v0/environments/0b6c6f6e-6a1d-4f7e-9a51-3c1f3d1e9b10/webhooks",
].join("\n");

/** Reads a pasted token document; only scope names are kept from it. */
const readTokenText = (text: string, on: ReturnType<typeof checkable>): TokenView | undefined => {
  if (text.trim() === "") return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { kind: "error", problems: [`not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return checkTokenDocument(doc, on);
};

const typedInput = (text: string): InputResult => {
  const { calls, problems } = readTypedCalls(text);
  return {
    id: TYPED,
    name: "Typed calls",
    kind: "typed",
    calls,
    read: `${calls.length.toLocaleString("en-US")} ${calls.length === 1 ? "call" : "calls"}`,
    skipped: [],
    problems,
  };
};

const skipToScopes = (e: MouseEvent) => {
  e.preventDefault();
  document.getElementById("need")?.focus();
};

interface Restored {
  readonly fragment: string;
  readonly state: LinkState;
  readonly files: InputResult[];
  readonly problems: string[];
}

const restore = (fragment: string): Restored => {
  const { state, problems } = decodeState(fragment);
  const files = state.files.map((f, i) => linkInput(`link-${i}`, f.name, f.calls, f.dropped));
  return { fragment: fragment.replace(/^#/, ""), state, files, problems };
};

const tokenTextOf = (compare: readonly string[] | null): string =>
  compare === null ? "" : JSON.stringify({ scopes: compare }, null, 2);

export const App = () => {
  const initial = useMemo(() => restore(location.hash), []);
  const [typed, setTyped] = useState(initial.state.calls);
  const [files, setFiles] = useState<InputResult[]>(initial.files);
  const [picked, setPicked] = useState<readonly string[] | null>(initial.state.picked);
  const [tokenText, setTokenText] = useState(tokenTextOf(initial.state.compare));
  const [note, setNote] = useState(initial.state.note);
  const [environmentId, setEnvironmentId] = useState(initial.state.environmentId);
  const [baseUrl, setBaseUrl] = useState(initial.state.baseUrl);
  /** The link the page was opened with (or loaded) and what in it could not be read: a blocker until dismissed. */
  const [opened, setOpened] = useState({ fragment: initial.fragment, problems: initial.problems });
  /** Another link that reached the address while the page held inputs: loaded only if the user says so. */
  const [pending, setPending] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [reading, setReading] = useState(0);
  const nextId = useRef(0);

  const load = (r: Restored) => {
    setTyped(r.state.calls);
    setFiles(r.files);
    setPicked(r.state.picked);
    setTokenText(tokenTextOf(r.state.compare));
    setNote(r.state.note);
    setEnvironmentId(r.state.environmentId);
    setBaseUrl(r.state.baseUrl);
    setOpened({ fragment: r.fragment, problems: r.problems });
    setPending(null);
  };

  const settledTyped = useSettled(typed);
  const typedResult = useMemo(() => typedInput(settledTyped), [settledTyped]);
  const inputs = useMemo(() => [typedResult, ...files], [typedResult, files]);
  const calls = useMemo(() => inputs.flatMap((i) => i.calls), [inputs]);
  const plan = useMemo(() => planFor(calls), [calls]);
  const selected = picked ?? plan.scopes;
  const identified = useMemo(() => checkable(calls, plan), [calls, plan]);
  const selection = useMemo(() => checkScopes(selected, identified), [selected, identified]);
  const token = useMemo(() => readTokenText(tokenText, identified), [tokenText, identified]);
  const tokenScopes = token?.kind === "token" ? token.scopes : null;
  const blockers = takeawayBlockers({ plan, inputs, linkProblems: opened.problems });

  const link = useMemo(
    () =>
      encodeState({
        calls: typed,
        files: files
          .filter((f) => f.calls.length > 0)
          .map((f) => ({ name: f.name, calls: linkCalls(f), ...(f.dropped ? { dropped: f.dropped } : {}) })),
        picked,
        compare: tokenScopes,
        note,
        environmentId,
        baseUrl,
      }),
    [typed, files, picked, tokenScopes, note, environmentId, baseUrl],
  );
  const linkTooLong = link.length > MAX_LINK;
  const damaged = opened.problems.length > 0;
  // The address follows the page (replaceState: no history entry per keystroke), except that a damaged link
  // stays as it came until it is dismissed, so a reload shows the same blocker and never a clean link of less.
  const address = damaged ? `#${opened.fragment}` : linkTooLong ? "#" : `#${link}`;
  useEffect(() => {
    const timer = setTimeout(() => history.replaceState(null, "", address), 200);
    return () => clearTimeout(timer);
  }, [address]);

  // A link pasted into the address bar, or set by another tab that holds this one, replaces nothing the user
  // entered without asking; on an empty page it loads at once, like a fresh page.
  const hasInputs = link !== EMPTY_LINK || files.length > 0 || tokenText.trim() !== "";
  useEffect(() => {
    const onHash = () => {
      const fragment = location.hash.slice(1);
      if (`#${fragment}` === address) return;
      if (isAnchor(fragment) || hasInputs) {
        if (!isAnchor(fragment)) setPending(fragment);
        history.replaceState(null, "", address);
      } else load(restore(fragment));
    };
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, [address, hasInputs]);

  const addFiles = async (list: readonly File[]) => {
    if (list.length === 0) return;
    setReading((n) => n + list.length);
    setStatus(`Reading ${list.length === 1 ? list[0]!.name : `${list.length} files`}…`);
    const read = await Promise.all(list.map((f) => readFile(`file-${nextId.current++}`, f)));
    setReading((n) => n - list.length);
    setFiles((prev) => [...prev, ...read]);
    const token = read.find((r) => r.kind === "token");
    if (token) setTokenText(JSON.stringify(token.token, null, 2));
    setStatus(`Read ${read.map((r) => `${r.name}: ${r.message ? r.message.text : r.read}`).join("; ")}`);
  };
  const dragging = useFileDrop((list) => void addFiles(list));

  const copy = async (what: string, text: string) => {
    setStatus((await copyText(text)) ? `Copied ${what}.` : `Could not copy ${what}: select the text and copy it.`);
  };

  return (
    <div class={dragging ? "page dragging" : "page"}>
      {/* The fragment holds the page's state: the skip link moves focus without touching it. */}
      <a class="skip" href="#need" onClick={skipToScopes}>
        Skip to the scopes
      </a>
      <header>
        <h1>Which scopes does this Dynamic API token need?</h1>
        <p class="lede">
          Say what the token is for; get the least-privilege scopes, why each one, and the request that creates the
          token. Everything runs in this page: nothing you type or drop is sent anywhere.
        </p>
      </header>
      <main>
        {pending !== null && <HashBanner onLoad={() => load(restore(pending))} onKeep={() => setPending(null)} />}
        {damaged && (
          <LinkBlocker
            problems={opened.problems}
            onKeep={() => setOpened({ fragment: "", problems: [] })}
            onClear={() => load(restore(""))}
          />
        )}
        <InputsView
          typed={typed}
          onTyped={setTyped}
          onExample={() => setTyped(EXAMPLE)}
          inputs={inputs}
          plan={plan}
          reading={reading > 0}
          onFiles={(list) => void addFiles(list)}
          onRemove={(id) => setFiles((prev) => prev.filter((f) => f.id !== id))}
          onReplaceLine={(line, text) => setTyped((t) => replaceLine(t, line, text))}
        />
        <AnswerView plan={plan} dropped={inputs.reduce((n, i) => n + (i.dropped ?? 0), 0)} />
        <PickView
          plan={plan}
          selected={selected}
          following={picked === null}
          selection={selection}
          onPick={(scope, on) =>
            setPicked(() => {
              const next = new Set(selected);
              if (on) next.add(scope);
              else next.delete(scope);
              return [...next];
            })
          }
          onReset={() => setPicked(null)}
        >
          <TokenCompareView text={tokenText} onText={setTokenText} token={token} />
        </PickView>
        <TakeawayView
          blockers={blockers}
          scopes={selected}
          selection={selection}
          plan={plan}
          note={note}
          onNote={setNote}
          environmentId={environmentId}
          onEnvironmentId={setEnvironmentId}
          baseUrl={baseUrl}
          onBaseUrl={setBaseUrl}
          onCopy={copy}
          link={() => `${location.href.split("#")[0]}#${link}`}
          noLink={
            damaged
              ? "No link while the link this page was opened with stands as damaged."
              : linkTooLong
                ? "This page holds more calls than a link can (512 KB): share the files instead."
                : undefined
          }
        />
      </main>
      <p class="status" role="status" aria-live="polite">
        {visible(status)}
      </p>
      <footer>
        <p>
          Scopes from {catalogInfo.name} catalog {catalogInfo.version}, read from{" "}
          {/* eslint-disable-next-line no-restricted-syntax -- the catalog's source, an http(s) URL by its schema */}
          <a href={catalogInfo.source.url} rel="noreferrer">
            {catalogInfo.source.title ?? "Dynamic's docs"}
          </a>{" "}
          on {catalogInfo.source.retrieved}; SDK names from {catalogInfo.sdk.name} {catalogInfo.sdk.version}. Made by
          scopewise: the same answers as <code>npx scopewise plan</code>.
        </p>
      </footer>
    </div>
  );
};
