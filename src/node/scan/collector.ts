import type ts from "typescript";
import type { CallInput } from "../../matcher/read-call.js";
import type { MatchResult } from "../../matcher/result.js";
import type { SourceLocation } from "../../sources/types.js";
import { lineColumn } from "./context.js";
import type { UrlKind } from "./dynamic-url.js";
import type { MethodResult } from "./objects.js";
import { nameOf } from "./syntax.js";
import type { ScanFinding, UnclassifiedCode } from "./types.js";
import { members, showHoles, type Values } from "./value.js";

/** A value read as Dynamic: where it ends up, where it is reported, its possible texts and their kinds. */
export interface Occurrence {
  readonly node: ts.Expression;
  readonly at: ts.Node;
  readonly values: Values;
  readonly kinds: readonly UrlKind[];
}

/** A request found: its URL texts, their kinds, its method, and the call that sends it. */
export interface Request {
  readonly at: ts.Node;
  readonly values: Values;
  readonly kinds: readonly UrlKind[];
  readonly method: MethodResult;
  readonly site: ts.Node;
  /** Why what is sent may differ from how the call reads (a client's interceptor, hooks, SDK middleware). */
  readonly rewritten?: string;
}

export const isDynamic = (k: UrlKind): boolean => k.kind === "path" || k.kind === "undetermined";

/**
 * The findings of one program as they are found, and what is decided only at the end: Dynamic URLs
 * defined but never sent, helpers whose parameters no caller fills, bare paths (kept when the project
 * is about Dynamic), requests through clients the scan could not follow.
 */
export class Collector {
  readonly findings: ScanFinding[] = [];
  /** Declarations and helpers whose values reached a reported request or finding. */
  readonly used = new Set<ts.Node>();
  /** Helpers inlined from some caller: their parameter-built requests are accounted for there. */
  readonly inlined = new Set<ts.Node>();
  readonly definitions: { readonly occ: Occurrence; readonly decl: ts.Node; readonly name: string }[] = [];
  readonly helperSites: { fn: ts.SignatureDeclaration; request: Request; at: ts.Node; why: string }[] = [];
  /** Requests through clients imported from modules the scan could not follow. */
  readonly unknownClients: ScanFinding[] = [];
  private readonly bare: { finding: ScanFinding; path: string }[] = [];
  /** True once the project shows it talks to Dynamic: an SDK call, a Dynamic URL or base URL. */
  definite = false;

  constructor(
    private readonly display: (file: string) => string,
    private readonly requiredScopes: (call: CallInput) => MatchResult,
  ) {}

  location(node: ts.Node, extra: Partial<SourceLocation> = {}): SourceLocation {
    return { file: this.display(node.getSourceFile().fileName), ...lineColumn(node), ...extra };
  }

  unclassified(node: ts.Node, code: UnclassifiedCode, text: string, reason: string): void {
    this.findings.push({ kind: "unclassified", code, source: this.location(node), text, reason });
  }

  useRefs(values: Values): void {
    for (const v of values) for (const r of members(v.refs)) this.used.add(r);
  }

  /** Records a finding for a URL; a bare path waits for the end (is the project about Dynamic?). */
  pathFinding(finding: ScanFinding, kind: UrlKind): void {
    if (kind.kind !== "path" || kind.definite) {
      this.definite = true;
      this.findings.push(finding);
    } else this.bare.push({ finding, path: kind.path });
  }

  /**
   * An unclassified finding for each Dynamic value of an occurrence, a base URL included: requests built
   * from a base URL the scan cannot follow (a join helper, an array) are requests to Dynamic.
   */
  eachDynamic(occ: Occurrence, code: UnclassifiedCode, reason: (kind: UrlKind) => string): void {
    this.useRefs(occ.values);
    occ.kinds.forEach((kind, i) => {
      if (!isDynamic(kind) && kind.kind !== "base") return;
      const text = showHoles((occ.values[i] as Values[number]).text);
      const source = this.location(occ.at);
      this.pathFinding({ kind: "unclassified", code, source, text, reason: reason(kind) }, kind);
    });
  }

  /** True when the catalog has the path for some method. */
  known(path: string): boolean {
    const r = this.requiredScopes({ method: "GET", path });
    return r.status === "matched" || r.status === "method-not-allowed";
  }

  /** `; the catalog has GET, POST for this path`, or nothing. */
  catalogMethods(path: string): string {
    const found = new Set<string>();
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      const r = this.requiredScopes({ method, path });
      if (r.status === "matched") found.add(method);
      if (r.status === "method-not-allowed") for (const m of r.allowedMethods) found.add(m);
    }
    return found.size > 0 ? `; the catalog has ${[...found].sort().join(", ")} for this path` : "";
  }

  /** Everything found, once what waits for the end is decided. */
  finish(usesSdk: boolean): ScanFinding[] {
    // Helpers no scanned call fills: their parameter-built requests stay open.
    for (const h of this.helperSites) {
      if (this.inlined.has(h.fn)) continue;
      this.useRefs(h.request.values);
      const fnName = h.fn.name === undefined ? "this function" : `${nameOf(h.fn.name)}()`;
      this.unclassified(
        h.at,
        "helper-parameter",
        showHoles(h.request.values[0]?.text ?? ""),
        `${fnName} sends a Dynamic request whose endpoint or method comes from its parameters (${h.why}); ` +
          "no call of it in the scanned files tells which",
      );
    }
    // Dynamic URLs defined in the scanned files that nothing reported was built from; one built only into
    // another such URL is said with it, not again.
    const open = this.definitions.filter((d) => !this.used.has(d.decl));
    const blocks = new Set<ts.Node>();
    for (const d of open)
      for (const v of d.occ.values) for (const r of members(v.refs)) if (r !== d.decl) blocks.add(r);
    for (const d of open) {
      if (blocks.has(d.decl)) continue;
      this.eachDynamic(d.occ, "not-sent", (k) =>
        k.kind === "base"
          ? `${d.name} is a Dynamic base URL that no request in the scanned files is built from`
          : `${d.name} is a Dynamic URL that no request in the scanned files sends, so its method is unknown` +
            (k.kind === "path" ? this.catalogMethods(k.path) : ""),
      );
    }
    // Bare paths count when the project is about Dynamic, or when they are known and under /environments.
    const dynamicProject = usesSdk || this.definite;
    for (const b of this.bare) {
      const environments = b.path.startsWith("/environments/");
      const known = this.known(b.path);
      if (dynamicProject ? known || environments : known && environments) this.findings.push(b.finding);
    }
    if (dynamicProject) this.findings.push(...this.unknownClients);
    return this.findings;
  }
}
