import ts from "typescript";
import type { CallInput } from "../../matcher/read-call.js";
import type { MatchResult } from "../../matcher/result.js";
import { Collector, isDynamic, type Occurrence } from "./collector.js";
import { budgetFor, type FileFacts } from "./context.js";
import type { parseBases } from "./dynamic-url.js";
import { Evaluator } from "./evaluator.js";
import { contextOf, findOccurrences } from "./occurrences.js";
import { reportRequest, unknownClient, unknownUrl } from "./report-requests.js";
import { Requests } from "./requests.js";
import { Rewriting } from "./rewriting.js";
import { SdkCalls } from "./sdk-calls.js";
import { isBenignCall, Sending } from "./sending.js";
import { calleeText, enclosingFunction, hasProperty, skipOuter, valueParent, type AnyCall } from "./syntax.js";
import type { ScanFinding } from "./types.js";

/** What the analysis of one program needs. */
export interface AnalysisInput {
  readonly checker: ts.TypeChecker;
  /** The scanned files' walks (other files of the program are only read through the checker). */
  readonly scanned: readonly FileFacts[];
  readonly bases: ReturnType<typeof parseBases>;
  readonly requiredScopes: (call: CallInput) => MatchResult;
  /** True when the project uses the SDK (an import of it, or a dependency on it). */
  readonly usesSdk: boolean;
  readonly display: (file: string) => string;
  /** The program's own source files (not declarations, not dependencies): where writes are looked for. */
  readonly sources: () => readonly ts.SourceFile[];
}

/** Findings of a program's scanned files, and files whose evaluation ran out of budget. */
export interface Analysis {
  readonly findings: ScanFinding[];
  readonly exhausted: readonly string[];
}

/**
 * Finds the Dynamic calls of a program's scanned files: SDK operations by the method a reference
 * resolves to, URLs by their value across modules, requests by the client that sends them, helpers by
 * what their callers pass. What may be a call but cannot be classified is an `unclassified` finding.
 */
export const analyze = (input: AnalysisInput): Analysis => {
  const { checker, scanned, bases } = input;
  const ev = new Evaluator(checker, input.sources);
  const out = new Collector(input.display, input.requiredScopes);
  const requests = new Requests(checker, ev);
  const rewriting = new Rewriting(
    ev,
    (e) => requests.libraryOf(e),
    (e) => requests.clientOf(e),
    bases,
  );
  const sdk = new SdkCalls(ev, out, input.usesSdk, rewriting);
  const sending = new Sending(ev, requests, out, bases, rewriting);
  const exhausted = new Set<string>();
  const eachFile = (work: (f: FileFacts) => void): void => {
    for (const f of scanned) {
      ev.budget = budgetFor(f.sf);
      work(f);
      if (ev.budget.exhausted) exhausted.add(f.sf.fileName);
    }
  };

  // 1. SDK operations; 2. the Dynamic URL values of every file, each climbed to where it ends up.
  const occurrences = new Map<ts.Expression, Occurrence>();
  eachFile((f) => {
    sdk.scan(f);
    findOccurrences(ev, f, bases, occurrences, () => (out.definite = true));
  });

  // 3. Where each value ends up: handed to a call (read with the call below), a request config, stored.
  const handedTo = new Map<AnyCall, Occurrence[]>();
  const hand = (call: AnyCall, occ: Occurrence) => handedTo.set(call, [...(handedTo.get(call) ?? []), occ]);
  for (const occ of occurrences.values()) {
    const ctx = contextOf(ev, occ.node);
    if (ctx.kind === "arg") hand(ctx.call, occ);
    else if (ctx.kind === "definition") out.definitions.push({ occ, decl: ctx.decl, name: ctx.name });
    else if (ctx.kind === "base-option") out.useRefs(occ.values);
    else if (ctx.kind === "stray")
      out.eachDynamic(occ, "not-sent", () => `${ctx.why}: scopewise cannot tell which request sends it`);
    else if (ctx.kind === "config") {
      const { object } = ctx;
      const holder = valueParent(object);
      const call =
        (ts.isCallExpression(holder.parent) || ts.isNewExpression(holder.parent)) &&
        holder.parent.arguments?.includes(holder.child as ts.Expression)
          ? holder.parent
          : undefined;
      const what = call === undefined ? undefined : sending.resolve(call);
      if (call !== undefined && what !== undefined && ("helper" in what || what.shape.kind === "config"))
        hand(call, occ);
      else if (hasProperty(object, "method") || object.properties.some(ts.isSpreadAssignment)) {
        // `{ method, url }` anywhere: a request config whatever receives it.
        const r = sending.configRequest(object, undefined, object, undefined, undefined);
        if (r !== undefined) reportRequest(out, r, occ.at, enclosingFunction(object));
      } else if (call !== undefined) hand(call, occ);
      else out.definitions.push({ occ, decl: object, name: "an object's URL" });
    }
  }

  // 4. Every call once, with the values handed to it.
  // Decided once every request is read: a call whose result was built into a reported URL (a join
  // helper, `path.join`) consumed the values handed to it.
  const handedOn: { occ: Occurrence; why: string; call: AnyCall }[] = [];
  eachFile((f) => {
    for (const call of f.calls) {
      const handed = handedTo.get(call) ?? [];
      const what = sending.resolve(call);
      if (what !== undefined && "shape" in what) {
        const { shape } = what;
        const r = sending.requestOf(call, shape, undefined);
        if (r !== undefined) reportRequest(out, r, r.at, enclosingFunction(call));
        const urlArg = call.arguments?.[shape.kind === "url" ? shape.urlIndex : shape.configIndex];
        if (r !== undefined && shape.client === undefined && !r.kinds.some(isDynamic))
          unknownClient(out, checker, call, r.values, r.at);
        if (shape.kind === "url" && urlArg !== undefined && !r?.kinds.some(isDynamic)) unknownUrl(out, checker, urlArg);
        for (const occ of handed)
          if (urlArg === undefined || occ.node.pos < urlArg.pos || occ.node.end > urlArg.end)
            handedOn.push({ occ, call, why: `passed to ${calleeText(call)}(…) but not as the URL it requests` });
        continue;
      }
      if (what !== undefined) {
        // A helper that sends requests: what it sends with these arguments, reported here.
        const sent = sending.inline(what.helper, call.arguments ?? [], undefined, 1);
        out.inlined.add(what.helper);
        for (const occ of handed) out.useRefs(occ.values);
        const at = handed[0]?.at ?? call.arguments?.[0] ?? call;
        for (const r of sent) reportRequest(out, r, at, enclosingFunction(call));
        if (sent.length > 0) continue;
      }
      if (isBenignCall(call)) continue;
      const first = call.arguments?.[0];
      if (
        what === undefined &&
        handed.length === 0 &&
        first !== undefined &&
        ts.isIdentifier(skipOuter(call.expression))
      ) {
        // `api("gates/x")`: an imported client called directly, from a module the scan could not follow.
        const values = ev.evaluate(first);
        if (values?.some((v) => v.text.includes("/"))) unknownClient(out, checker, call, values, first);
      }
      for (const occ of handed)
        handedOn.push({
          occ,
          call,
          why: `passed to ${calleeText(call)}(…), which scopewise cannot follow to a request`,
        });
    }
  });
  for (const h of handedOn) if (!out.used.has(h.call)) out.eachDynamic(h.occ, "passed-on", () => h.why);
  return { findings: out.finish(input.usesSdk), exhausted: [...exhausted] };
};
