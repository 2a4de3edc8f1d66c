import { basename } from "node:path";
import ts from "typescript";
import { lineColumn } from "./context.js";
import { escapeIsSafe } from "./escapes.js";
import { emptySites, fileSites, type FileSites, type ObjectChange, type Write } from "./sites.js";
import { constructorAssignment, short, skipOuter, valueParent } from "./syntax.js";

/** What {@link Stability} asks of the evaluator: names resolved through imports. */
export interface Resolver {
  readonly checker: ts.TypeChecker;
  symbolOf(node: ts.Node): ts.Symbol | undefined;
  declarationOf(expr: ts.Expression): ts.Node | undefined;
}

/** How a binding changes after it is made: plain writes (each another value it may hold), or beyond listing. */
export type Change = { readonly writes: readonly Write[] } | { readonly unknown: string };

/** `a.ts:3`: where a change is, for a reason. */
export const where = (node: ts.Node): string => `${basename(node.getSourceFile().fileName)}:${lineColumn(node).line}`;
const said = (node: ts.Node): string => `${short(node, 50)} (${where(node)})`;

// Writes to these properties of a URL object leave its endpoint as it was.
const QUERY_ONLY = new Set(["search", "hash"]);

const isConst = (decl: ts.Node): boolean => {
  let n: ts.Node = decl;
  while (ts.isBindingElement(n) || ts.isObjectBindingPattern(n) || ts.isArrayBindingPattern(n)) n = n.parent;
  return ts.isVariableDeclaration(n) && (ts.getCombinedNodeFlags(n) & ts.NodeFlags.Const) !== 0;
};
const objectish = (init: ts.Expression | undefined): boolean => {
  const e = init === undefined ? undefined : skipOuter(init);
  return (
    e !== undefined && (ts.isNewExpression(e) || ts.isObjectLiteralExpression(e) || ts.isArrayLiteralExpression(e))
  );
};
const classOf = (member: ts.Node): ts.ClassLikeDeclaration | undefined => {
  const owner = ts.isParameter(member) ? member.parent.parent : member.parent;
  return owner !== undefined && ts.isClassLike(owner) ? owner : undefined;
};
const isClassMember = (decl: ts.Node): boolean =>
  ts.isParameter(decl) ? ts.isParameterPropertyDeclaration(decl, decl.parent) : classOf(decl) !== undefined;

/** The declaration an object literal's members are read through: `const routes = { … }`, nested literals climbed. */
export const holderOf = (member: ts.Node): ts.Node | undefined => {
  let at: ts.Node = member.parent;
  if (!ts.isObjectLiteralExpression(at)) return undefined;
  for (let i = 0; i < 32; i++) {
    const { parent, child } = valueParent(at);
    if (ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent)) at = parent.parent;
    else if (ts.isCallExpression(parent) && parent.expression.getText() === "Object.freeze") at = parent;
    else if (
      (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent)) &&
      parent.initializer === child &&
      ts.isIdentifier(parent.name)
    )
      return parent;
    else return ts.isExportAssignment(parent) ? parent : undefined;
  }
  return undefined;
};

/**
 * Whether what a declaration is made with is what a read of it sees, across the whole program: a `const`
 * string is; a `let` the program never writes is; a property of an object nobody writes, changes as a
 * whole (`Object.assign`, a computed key) or hands to code that may change it is; a class member no
 * subclass overrides is. Each file is indexed once, by name; names found are resolved with the checker.
 */
export class Stability {
  private sites: FileSites | undefined;
  private readonly changes = new Map<ts.Node, Change | null>();
  private readonly holders = new Map<ts.Node, string | null>();

  constructor(
    readonly resolver: Resolver,
    private readonly sources: () => readonly ts.SourceFile[],
  ) {}

  /** The program's sites, merged (indexed on first use). */
  private index(): FileSites {
    if (this.sites !== undefined) return this.sites;
    const all = emptySites();
    for (const sf of this.sources())
      for (const [key, map] of Object.entries(fileSites(sf)) as [keyof FileSites, Map<string, unknown[]>][])
        for (const [name, list] of map) {
          const into = all[key] as Map<string, unknown[]>;
          const found = into.get(name);
          if (found === undefined) into.set(name, [...list]);
          else found.push(...list);
        }
    this.sites = all;
    return all;
  }

  /** A name and what imports and exports rename it to. */
  private names(name: string): string[] {
    const out = new Set([name]);
    const queue = [name];
    while (queue.length > 0 && out.size < 32)
      for (const r of this.index().renames.get(queue.pop() as string) ?? [])
        if (!out.has(r)) {
          out.add(r);
          queue.push(r);
        }
    return [...out];
  }

  /** The program's sites of one kind under a name, and under what imports rename it to. */
  lookup<T>(map: (s: FileSites) => Map<string, T[]>, name: string): T[] {
    return this.names(name).flatMap((n) => map(this.index()).get(n) ?? []);
  }

  /** True when a name (an identifier, a property name) stands for `decl`. */
  resolvesTo(node: ts.Node, decl: ts.Node): boolean {
    let symbol: ts.Symbol | undefined;
    try {
      symbol =
        ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node
          ? this.resolver.checker.getShorthandAssignmentValueSymbol(node.parent)
          : this.resolver.symbolOf(node);
      if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias)
        symbol = this.resolver.checker.getAliasedSymbol(symbol);
    } catch {
      symbol = undefined;
    }
    return (
      symbol !== undefined &&
      (symbol.valueDeclaration === decl || (symbol.declarations ?? []).includes(decl as ts.Declaration))
    );
  }

  /** True when some name along a receiver (`routes`, `this.routes.a`) is `decl`. */
  chainHas(receiver: ts.Expression, decl: ts.Node): boolean {
    let n = skipOuter(receiver);
    for (let i = 0; i < 16; i++) {
      if (ts.isIdentifier(n)) return this.resolvesTo(n, decl);
      if (ts.isPropertyAccessExpression(n)) {
        if (this.resolvesTo(n.name, decl)) return true;
      } else if (!ts.isElementAccessExpression(n)) return false;
      n = skipOuter(n.expression);
    }
    return false;
  }

  /** The writes a name's target resolves to `decl` by (an untyped receiver: by the holder's own name). */
  private writesOf(decl: ts.Node, name: string, holder: ts.Node | undefined): Write[] {
    const init =
      ts.isPropertyDeclaration(decl) && decl.initializer === undefined ? constructorAssignment(decl) : undefined;
    return this.lookup((s) => s.writes, name).filter((w) => {
      if (init !== undefined && w.value === init) return false;
      const t = w.target;
      const at = ts.isPropertyAccessExpression(t) ? t.name : ts.isElementAccessExpression(t) ? t.argumentExpression : t;
      if (this.resolvesTo(at, decl)) return true;
      const untyped = at !== t && this.resolver.symbolOf(at) === undefined;
      return untyped && holder !== undefined && this.chainHas((t as ts.PropertyAccessExpression).expression, holder);
    });
  }

  /** True when a variable is written after it is declared (`let x = …; x = …`): it holds more than its initializer. */
  reassigned(decl: ts.Node): boolean {
    if (!ts.isVariableDeclaration(decl) && !ts.isParameter(decl)) return this.changesOf(decl) !== undefined;
    if (isConst(decl) || !ts.isIdentifier(decl.name)) return false;
    return this.writesOf(decl, decl.name.text, undefined).length > 0;
  }

  /** How `decl`'s value may change after it is made; undefined when it provably does not. */
  changesOf(decl: ts.Node): Change | undefined {
    const cached = this.changes.get(decl);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.compute(decl);
    this.changes.set(decl, found ?? null);
    return found;
  }

  private compute(decl: ts.Node): Change | undefined {
    const named = (decl as { name?: ts.Node }).name;
    const name = named !== undefined && (ts.isIdentifier(named) || ts.isStringLiteral(named)) ? named.text : undefined;
    if (name === undefined) return undefined;
    if (isClassMember(decl)) return this.member(decl, name);
    const holder = ts.isObjectLiteralExpression(decl.parent) ? holderOf(decl) : undefined;
    const why = holder === undefined ? undefined : this.holderChanged(holder);
    if (why !== undefined) return { unknown: why };
    const writes = isConst(decl) ? [] : this.writesOf(decl, name, holder);
    if (ts.isVariableDeclaration(decl) || ts.isBindingElement(decl)) {
      // What a variable holds may be an object changed in place (`u.pathname = …`), or handed on.
      const changed = this.lookup((s) => s.rooted, name).find(
        (w) => !QUERY_ONLY.has(nameOfTarget(w.target)) && this.chainHas(targetReceiver(w.target), decl),
      );
      if (changed !== undefined) return { unknown: `${name} is changed after it is made: ${said(changed.node)}` };
      const whole = objectish(decl.initializer) ? this.holderChanged(decl) : undefined;
      if (whole !== undefined) return { unknown: whole };
    }
    return writes.length === 0 ? undefined : changeOf(decl, name, writes);
  }

  /** A class member: written (`this.path = …`), or overridden by a subclass. */
  private member(decl: ts.Node, name: string): Change | undefined {
    const cls = classOf(decl);
    for (const other of this.index().members.get(name) ?? []) {
      const k = classOf(other);
      if (k === undefined || k === cls || cls === undefined || !this.derives(k, cls)) continue;
      return { unknown: `${name} is overridden in ${k.name?.text ?? "a subclass"} (${where(other)})` };
    }
    const whole = this.lookup((s) => s.objects, "this").find((c) => {
      for (let n: ts.Node | undefined = c.node; n !== undefined; n = n.parent)
        if (ts.isClassLike(n)) return cls !== undefined && (n === cls || this.derives(n, cls));
      return false;
    });
    if (whole !== undefined) return { unknown: `${name} is changed with its object: ${said(whole.node)}` };
    const writes = this.writesOf(decl, name, undefined);
    return writes.length === 0 ? undefined : changeOf(decl, name, writes);
  }

  /** True when class `k` extends `base`, directly or not. */
  private derives(k: ts.ClassLikeDeclaration, base: ts.ClassLikeDeclaration): boolean {
    const checker = this.resolver.checker;
    const types: ts.Type[] = [];
    try {
      const symbol = k.name === undefined ? (k as { symbol?: ts.Symbol }).symbol : checker.getSymbolAtLocation(k.name);
      const start = symbol === undefined ? undefined : checker.getDeclaredTypeOfSymbol(symbol);
      if (start === undefined || !start.isClassOrInterface()) return true;
      types.push(...(checker.getBaseTypes(start) ?? []));
      for (let i = 0; types.length > 0 && i < 32; i++) {
        const t = types.pop() as ts.Type;
        if ((t.getSymbol()?.declarations ?? []).includes(base as ts.Declaration)) return true;
        if (t.isClassOrInterface()) types.push(...(checker.getBaseTypes(t) ?? []));
        else if (t.isIntersection()) types.push(...t.types);
      }
    } catch {
      return true;
    }
    return false;
  }

  /**
   * Why an object held by `holder` (a variable, a field, a default export) may not be what a read of it
   * sees: the holder is reassigned, the object is changed as a whole, or handed to code that may change it.
   */
  holderChanged(holder: ts.Node): string | undefined {
    const cached = this.holders.get(holder);
    if (cached !== undefined) return cached ?? undefined;
    this.holders.set(holder, null);
    const found = this.findHolderChange(holder);
    this.holders.set(holder, found ?? null);
    return found;
  }

  private findHolderChange(holder: ts.Node): string | undefined {
    const name = ts.isExportAssignment(holder)
      ? "default"
      : ((holder as ts.VariableDeclaration).name as ts.Identifier).text;
    const label = ts.isExportAssignment(holder) ? "the default export" : name;
    if (!ts.isExportAssignment(holder) && !isConst(holder) && !ts.isPropertyDeclaration(holder)) {
      const w = this.writesOf(holder, name, undefined)[0];
      if (w !== undefined) return `${label} is reassigned: ${said(w.node)}`;
    }
    const whole = this.lookup((s) => s.objects, name).find((c: ObjectChange) => this.chainHas(c.receiver, holder));
    if (whole !== undefined) return `${label} is changed after it is made: ${said(whole.node)}`;
    const escape = this.lookup((s) => s.escapes, name).find(
      (id) => this.resolvesTo(id, holder) && !escapeIsSafe(this, id, 0),
    );
    return escape === undefined ? undefined : `${label} is handed to code that may change it: ${said(escape.parent)}`;
  }

  /** Why the object a parameter holds may be changed inside its function (or further on); undefined if not. */
  parameterChanged(p: ts.ParameterDeclaration, depth: number): boolean {
    if (!ts.isIdentifier(p.name)) return true;
    const name = p.name.text;
    if (this.lookup((s) => s.rooted, name).some((w) => this.chainHas(targetReceiver(w.target), p))) return true;
    if (this.lookup((s) => s.objects, name).some((c) => this.chainHas(c.receiver, p))) return true;
    return this.lookup((s) => s.escapes, name).some((id) => this.resolvesTo(id, p) && !escapeIsSafe(this, id, depth));
  }

  /** Why an object literal held by `holder` may not be what a read sees (a property written included). */
  objectChanged(holder: ts.Node): string | undefined {
    const why = this.holderChanged(holder);
    if (why !== undefined) return why;
    const name = ts.isExportAssignment(holder)
      ? "default"
      : ((holder as ts.VariableDeclaration).name as ts.Identifier).text;
    const w = this.lookup((s) => s.rooted, name).find((x) => this.chainHas(targetReceiver(x.target), holder));
    return w === undefined ? undefined : `${name} is changed after it is made: ${said(w.node)}`;
  }
}

const targetReceiver = (t: ts.Expression): ts.Expression =>
  ts.isPropertyAccessExpression(t) || ts.isElementAccessExpression(t) ? t.expression : t;
const nameOfTarget = (t: ts.Expression): string =>
  ts.isPropertyAccessExpression(t) ? t.name.text : ts.isIdentifier(t) ? t.text : "";

/** Plain writes are values to list; a method written, `+=`, `++` or a destructuring is beyond listing. */
const changeOf = (decl: ts.Node, name: string, writes: Write[]): Change => {
  const functionLike = ts.isMethodDeclaration(decl) || ts.isFunctionDeclaration(decl) || ts.isAccessor(decl);
  const opaque = writes.find((w) => w.value === undefined) ?? (functionLike ? writes[0] : undefined);
  return opaque === undefined ? { writes } : { unknown: `${name} is reassigned: ${said(opaque.node)}` };
};
