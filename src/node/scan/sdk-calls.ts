import ts from "typescript";
import { sdkOperationsInfo } from "../../sources/sdk-operations.js";
import type { Collector } from "./collector.js";
import type { FileFacts } from "./context.js";
import type { Evaluator } from "./evaluator.js";
import { sentMethods } from "./init-overrides.js";
import { MAX_ALTERNATIVES } from "./limits.js";
import type { Rewriting } from "./rewriting.js";
import { SDK_STUB_FILE, sdkIndex } from "./sdk-stub.js";
import { where } from "./stability.js";
import { structuralReason } from "./structural.js";
import { short, skipOuter, staticName } from "./syntax.js";
import { hasHole } from "./value.js";

// BaseAPI's own members: not operations.
const BASE_API_MEMBERS = new Set(["withMiddleware", "withPreMiddleware", "withPostMiddleware", "request"]);
const MAPPING = `${sdkOperationsInfo.sdk.name} ${sdkOperationsInfo.sdk.version}`;

/** SDK classes a receiver's type is, and whether some part of it is untyped (`any`, an unconstrained generic). */
export interface ReceiverKind {
  readonly classes: readonly string[];
  readonly untyped: boolean;
}

/** Reads SDK calls off the checker: operations by the method a reference resolves to, receivers by their type. */
export class SdkCalls {
  private readonly sdk = sdkIndex();

  constructor(
    private readonly ev: Evaluator,
    private readonly out: Collector,
    private readonly usesSdk: boolean,
    private readonly rewriting: Rewriting,
  ) {}

  private typeAt(node: ts.Node): ts.Type | undefined {
    try {
      return this.ev.checker.getTypeAtLocation(node);
    } catch (error) {
      if (error instanceof RangeError) return undefined;
      throw error;
    }
  }

  /** The operations a member symbol is: methods of SDK classes (several for a union receiver). */
  private operationsOf(symbol: ts.Symbol | undefined): string[] {
    const out = new Set<string>();
    for (const d of symbol?.declarations ?? []) {
      if (d.getSourceFile().fileName !== SDK_STUB_FILE || !ts.isMethodDeclaration(d)) continue;
      const cls = (d.parent as ts.ClassDeclaration).name?.text;
      const op = `${cls}.${staticName(d.name)?.replace(/Raw$/, "")}`;
      if (this.sdk.byName.has(op)) out.add(op);
    }
    return [...out];
  }

  /** What a receiver's type says: SDK classes (subclasses too when `followBases`), untyped parts. */
  receiverKind(type: ts.Type | undefined, followBases = true): ReceiverKind {
    if (type === undefined) return { classes: [], untyped: true };
    const classes = new Set<string>();
    let untyped = false;
    const stack: ts.Type[] = [type];
    for (let i = 0; stack.length > 0 && i < 64; i++) {
      const t = stack.pop() as ts.Type;
      if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) untyped = true;
      else if (t.isUnionOrIntersection()) stack.push(...t.types);
      else if (t.flags & ts.TypeFlags.TypeParameter) {
        const c = this.ev.checker.getBaseConstraintOfType(t);
        if (c === undefined || c === t) untyped = true;
        else stack.push(c);
      } else {
        const decl = t.getSymbol()?.declarations?.[0];
        if (decl?.getSourceFile().fileName === SDK_STUB_FILE && ts.isClassDeclaration(decl) && decl.name)
          classes.add(decl.name.text);
        else if (followBases && t.isClassOrInterface()) stack.push(...(this.ev.checker.getBaseTypes(t) ?? []));
      }
    }
    classes.delete("BaseAPI");
    return { classes: [...classes].sort(), untyped };
  }

  /** An operation called through `ref`: each method its calls send (initOverrides may set one), or unclassified. */
  private call(ref: ts.Node, at: ts.Node, text: string, operation: string, note?: string): void {
    const op = this.sdk.byName.get(operation);
    if (op === undefined) return;
    this.out.definite = true;
    const sent = sentMethods(this.ev, ref, op.method);
    for (const method of sent.methods) {
      const why =
        method === op.method ? note : `its initOverrides send ${method}${note === undefined ? "" : `; ${note}`}`;
      const source = this.out.location(at, why === undefined ? { operation } : { operation, note: why });
      this.out.findings.push({ kind: "call", via: "sdk", source, text, call: { method, path: op.path } });
    }
    if (sent.unknown !== undefined)
      this.out.unclassified(at, sent.unknown.code, text, `${op.operation} (${op.path}): ${sent.unknown.why}`);
  }

  private describe(name: string): string {
    const op = this.sdk.byMethod.get(name);
    return op === undefined ? name : `${op.operation} (${op.method} ${op.path})`;
  }

  /** `x.getUser`, `x["getUser"]`, `const { getUser } = x`: a reference to a name the SDK has. */
  private reference(ref: ts.Node): void {
    let nameNode: ts.Node;
    let receiver: ts.Node | undefined;
    let symbol: ts.Symbol | undefined;
    if (ts.isBindingElement(ref)) {
      nameNode = ref.propertyName ?? ref.name;
      symbol = this.typeAt(ref.parent)?.getProperty(staticName(nameNode as ts.PropertyName) ?? "");
      const owner = ref.parent.parent;
      receiver = ts.isVariableDeclaration(owner) ? owner.initializer : ts.isParameter(owner) ? owner : undefined;
    } else {
      const access = ref as ts.PropertyAccessExpression | ts.ElementAccessExpression;
      nameNode = ts.isPropertyAccessExpression(access) ? access.name : access.argumentExpression;
      receiver = access.expression;
      try {
        symbol = this.ev.checker.getSymbolAtLocation(nameNode);
      } catch {
        symbol = undefined;
      }
    }
    const name = ts.isIdentifier(nameNode) || ts.isStringLiteralLike(nameNode) ? nameNode.text : "";
    const text = `${receiver === undefined ? "…" : short(receiver)}.${name}(…)`;
    let operations = this.operationsOf(symbol);
    // A cast changes the type, not the object: `(api as any).deleteUser()` still calls UsersApi.deleteUser.
    const bare = receiver !== undefined && ts.isExpression(receiver) ? skipOuter(receiver) : receiver;
    const bareType = bare === undefined || bare === receiver ? undefined : this.typeAt(bare);
    if (operations.length === 0 && bareType !== undefined) operations = this.operationsOf(bareType.getProperty(name));
    for (const op of operations) this.call(ref, nameNode, text, op);
    if (operations.length > 0) {
      const issue = this.rewriting.sdkRewritten(receiver);
      if (issue !== undefined) this.out.unclassified(nameNode, issue.code, text, issue.why);
      return;
    }
    const receiverType = receiver === undefined ? undefined : this.typeAt(receiver);
    const kind = this.receiverKind(receiverType);
    const op = this.sdk.byMethod.get(name);
    // A structural type (an interface, a type literal) an SDK client may be passed as: the operation of that name.
    const inferred =
      kind.classes.length === 0 && !kind.untyped && this.usesSdk && op !== undefined
        ? structuralReason(this.ev.checker, symbol, receiverType)
        : undefined;
    if (inferred !== undefined && op !== undefined) {
      this.call(ref, nameNode, text, op.operation, inferred);
      const issue = this.rewriting.sdkRewritten(receiver);
      if (issue !== undefined) this.out.unclassified(nameNode, issue.code, text, issue.why);
    } else if (kind.classes.length > 0)
      this.out.unclassified(
        nameNode,
        "not-an-operation",
        text,
        `${kind.classes.join(" | ")} has no operation ${name} in the SDK mapping; ${this.describe(name)} has`,
      );
    else if (kind.untyped && this.usesSdk)
      this.out.unclassified(
        nameNode,
        "untyped-receiver",
        text,
        `the receiver's type is unknown (any), and ${name} is an SDK operation name: ${this.describe(name)}`,
      );
  }

  /** `api.getUsers()` on an SDK client, a name the mapping lacks: a newer SDK's operation, or a typo. */
  private memberCall(access: ts.PropertyAccessExpression): void {
    const name = access.name.text;
    if (BASE_API_MEMBERS.has(name)) return;
    const kind = this.receiverKind(this.typeAt(skipOuter(access.expression)), false);
    if (kind.classes.length > 0)
      this.out.unclassified(
        access.name,
        "not-an-operation",
        `${short(access.expression)}.${name}(…)`,
        `${kind.classes.join(" | ")} has no operation ${name} in the SDK mapping (${MAPPING})`,
      );
  }

  /** `api[name]`: each value the name can have, when the receiver is an SDK client (or untyped in an SDK project). */
  private computed(access: ts.ElementAccessExpression): void {
    const kind = this.receiverKind(this.typeAt(skipOuter(access.expression)), false);
    const at = access.argumentExpression;
    const text = `${short(skipOuter(access.expression))}[${short(at)}](…)`;
    const passed = kind.classes.length === 0 && this.usesSdk ? this.passedIn(access.expression) : undefined;
    if (passed !== undefined) {
      this.out.unclassified(
        at,
        "computed-name",
        text,
        `${passed}, and which member it reads is known only at run time`,
      );
      return;
    }
    if (kind.classes.length === 0 && !(kind.untyped && this.usesSdk)) return;
    const keys = this.ev.evaluate(access.argumentExpression, undefined, true);
    const names = keys?.every((k) => !k.cut && !hasHole(k.text)) ? keys.map((k) => k.text) : undefined;
    const classes = kind.classes.join(" | ");
    if (kind.classes.length === 0) {
      // An untyped receiver: only a name the SDK has makes it a possible SDK call.
      const named = (names ?? []).filter((n) => this.sdk.byMethod.has(n));
      const ops = named.map((n) => this.describe(n)).join(", ");
      const why = `the receiver's type is unknown (any), and the name may be an SDK operation: ${ops}`;
      if (named.length > 0) this.out.unclassified(at, "untyped-receiver", text, why);
      return;
    }
    if (names === undefined || names.length > MAX_ALTERNATIVES) {
      this.out.unclassified(
        at,
        "computed-name",
        text,
        `which ${classes} operation is called is known only at run time`,
      );
      return;
    }
    for (const n of names) {
      const op = kind.classes.map((c) => `${c}.${n.replace(/Raw$/, "")}`).find((o) => this.sdk.byName.has(o));
      if (op !== undefined) this.call(access, at, text, op);
      else this.out.unclassified(at, "not-an-operation", text, `${classes} has no operation ${n} in the SDK mapping`);
    }
  }

  /** `client[op]` on a parameter some caller passes an SDK client as: which client, and where. */
  private passedIn(receiver: ts.Expression): string | undefined {
    const e = skipOuter(receiver);
    const p = ts.isIdentifier(e) ? this.ev.declarationOf(e) : undefined;
    if (p === undefined || !ts.isParameter(p)) return undefined;
    const fn = p.parent;
    const index = fn.parameters.indexOf(p);
    const holder = ts.isVariableDeclaration(fn.parent) ? fn.parent : fn;
    const name = (holder as { name?: ts.Node }).name;
    if (name === undefined || !ts.isIdentifier(name)) return undefined;
    for (const call of this.ev.stability.lookup((s) => s.calls, name.text)) {
      const arg = call.arguments[index];
      if (arg === undefined || call.arguments.slice(0, index).some(ts.isSpreadElement)) continue;
      if (this.ev.declarationOf(call.expression) !== holder) continue;
      const k = this.receiverKind(this.typeAt(arg));
      if (k.classes.length > 0)
        return `${e.getText()} may be a ${k.classes.join(" | ")}: ${short(call)} (${where(call)})`;
    }
    return undefined;
  }

  /** Every SDK reference, method call and computed member of one scanned file. */
  scan(f: FileFacts): void {
    for (const ref of f.sdkRefs) this.reference(ref);
    for (const access of f.memberCalls) this.memberCall(access);
    for (const access of f.computedCalls) this.computed(access);
  }
}
