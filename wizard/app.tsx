// The page: state, the four steps, and the link. Text reaches the DOM only as Preact text nodes and
// attribute values, never as markup, so nothing typed, dropped or linked can add elements or run code.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { catalogInfo, checkable, checkScopes, checkTokenDocument, planFor, type TokenView } from "./core.js";
import { linkCalls, linkInput, type InputResult } from "./inputs.js";
import { decodeState, encodeState, type LinkState } from "./permalink.js";
import { readFile } from "./read-file.js";
import { readTypedCalls, replaceLine, TYPED } from "./typed-calls.js";
import { AnswerView } from "./views/answer.js";
import { visible } from "./views/common.js";
import { TokenCompareView } from "./views/compare.js";
import { InputsView } from "./views/inputs.js";
import { PickView } from "./views/pick.js";
import { TakeawayView } from "./views/takeaway.js";

/** Longer addresses are not kept by every browser; the page then says the link cannot hold it. */
const MAX_LINK = 512 * 1024;

const EXAMPLE = [
  "# One call per line: METHOD URL, a full URL, or an SDK call as written in code",
  "usersApi.getEnvironmentUsers",
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
  const calls = readTypedCalls(text);
  return {
    id: TYPED,
    name: "Typed calls",
    kind: "typed",
    calls,
    read: `${calls.length.toLocaleString("en-US")} ${calls.length === 1 ? "call" : "calls"}`,
    skipped: [],
    problems: [],
  };
};

const restore = (fragment: string): { state: LinkState; files: InputResult[]; problems: string[] } => {
  const { state, problems } = decodeState(fragment);
  return { state, files: state.files.map((f, i) => linkInput(`link-${i}`, f.name, f.calls, f.dropped)), problems };
};

const tokenTextOf = (compare: readonly string[] | null): string =>
  compare === null ? "" : JSON.stringify({ scopes: compare }, null, 2);

/**
 * Copies with the Clipboard API where the page is a secure context (https, localhost, file), else the way a
 * page served over plain http still can: a selected, off-screen text box. Focus returns where it was.
 */
const copyText = async (text: string): Promise<boolean> => {
  try {
    if (navigator.clipboard && isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied: try the old way.
  }
  const back = document.activeElement as HTMLElement | null;
  const box = document.createElement("textarea");
  box.value = text;
  box.setAttribute("readonly", "");
  box.className = "visually-hidden";
  document.body.append(box);
  box.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    box.remove();
    back?.focus();
  }
};

/** Typing stays immediate; a long text is read again only once typing pauses. */
const useSettled = (text: string): string => {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    if (text.length < 20_000) {
      setSettled(text);
      return;
    }
    const timer = setTimeout(() => setSettled(text), 250);
    return () => clearTimeout(timer);
  }, [text]);
  return text.length < 20_000 ? text : settled;
};

export const App = () => {
  const initial = useMemo(() => restore(location.hash), []);
  const [typed, setTyped] = useState(initial.state.calls);
  const [files, setFiles] = useState<InputResult[]>(initial.files);
  const [picked, setPicked] = useState<readonly string[] | null>(initial.state.picked);
  const [tokenText, setTokenText] = useState(tokenTextOf(initial.state.compare));
  const [note, setNote] = useState(initial.state.note);
  const [environmentId, setEnvironmentId] = useState(initial.state.environmentId);
  const [baseUrl, setBaseUrl] = useState(initial.state.baseUrl);
  const [linkProblems, setLinkProblems] = useState(initial.problems);
  const [status, setStatus] = useState("");
  const [reading, setReading] = useState(0);
  const nextId = useRef(0);

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

  // The link follows the page; replaceState adds no history entry per keystroke.
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
  useEffect(() => {
    // Too long: no state in the address rather than an old one.
    const timer = setTimeout(() => history.replaceState(null, "", linkTooLong ? "#" : `#${link}`), 200);
    return () => clearTimeout(timer);
  }, [link, linkTooLong]);

  // A link pasted into this tab's address bar loads like a fresh page.
  useEffect(() => {
    const onHash = () => {
      if (location.hash.slice(1) === link) return;
      const r = restore(location.hash);
      setTyped(r.state.calls);
      setFiles(r.files);
      setPicked(r.state.picked);
      setTokenText(tokenTextOf(r.state.compare));
      setNote(r.state.note);
      setEnvironmentId(r.state.environmentId);
      setBaseUrl(r.state.baseUrl);
      setLinkProblems(r.problems);
    };
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, [link]);

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

  // Files dropped anywhere on the page are read.
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes("Files")) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes("Files")) return;
      e.preventDefault();
      setDragging(false);
      void addFiles([...e.dataTransfer.files]);
    };
    addEventListener("dragover", over);
    addEventListener("dragleave", leave);
    addEventListener("drop", drop);
    return () => {
      removeEventListener("dragover", over);
      removeEventListener("dragleave", leave);
      removeEventListener("drop", drop);
    };
  }, []);

  const copy = async (what: string, text: string) => {
    setStatus((await copyText(text)) ? `Copied ${what}.` : `Could not copy ${what}: select the text and copy it.`);
  };

  return (
    <div class={dragging ? "page dragging" : "page"}>
      <a class="skip" href="#need">
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
        {linkProblems.length > 0 && (
          <div class="callout warn" role="alert">
            <p>This link was not read in full:</p>
            <ul>
              {linkProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
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
          link={linkTooLong ? undefined : () => `${location.href.split("#")[0]}#${link}`}
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
