import type ts from "typescript";
import { BASE_STEPS, MAX_FILE_MS, STEPS_PER_BYTE } from "./limits.js";

/** What one file's walk found for the analysis to resolve (see walk.ts). */
export interface FileFacts {
  readonly sf: ts.SourceFile;
  /** `x.getUser`, `x["getUser"]`, `{ getUser } = x`: references to a name the SDK has. */
  readonly sdkRefs: ts.Node[];
  /** `x[name]`: members read by a computed name, on a plain receiver (`x`, `this.x`, `a.b`). */
  readonly computedCalls: ts.ElementAccessExpression[];
  /** `x.name(…)` with a name the SDK does not have, on a plain receiver: an SDK client's unknown method? */
  readonly memberCalls: ts.PropertyAccessExpression[];
  /** Outermost string expressions: literals with a `/`, templates, tagged templates, `+` chains. */
  readonly stringRoots: ts.Expression[];
  /** Names and property reads in value positions (arguments, initializers, returns…). */
  readonly valueRefs: ts.Expression[];
  /** Every call and `new`. */
  readonly calls: (ts.CallExpression | ts.NewExpression)[];
  /** True when the file loads the SDK with `require()` or `import()` (TypeScript does not follow those in .ts). */
  requiresSdk: boolean;
}

/** An evaluation budget shared by one file's analysis: a hostile file runs out instead of running on. */
export interface Budget {
  steps: number;
  exhausted: boolean;
  /** `Date.now()` past which the file's analysis stops, whatever steps are left (a backstop). */
  deadline: number;
}

export const budgetFor = (sf: ts.SourceFile): Budget => ({
  steps: BASE_STEPS + STEPS_PER_BYTE * sf.text.length,
  exhausted: false,
  deadline: Date.now() + MAX_FILE_MS,
});

/** 1-based line and column of a node's first token. */
export const lineColumn = (node: ts.Node): { line: number; column: number } => {
  const sf = node.getSourceFile();
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return { line: line + 1, column: character + 1 };
};
