import ts from "typescript";
import type { CallInput } from "../../matcher/read-call.js";
import type { MatchResult } from "../../matcher/result.js";
import type { SourceLocation, SourceProblem } from "../../sources/types.js";
import { analyze } from "./analyze.js";
import type { FileFacts } from "./context.js";
import { parseBases } from "./dynamic-url.js";
import { MAX_PARSE_ERRORS_PER_FILE, MAX_UNRESOLVED_LISTED } from "./limits.js";
import { COMPONENT_FILE, componentScript } from "./components.js";
import { createScanProgram, scanOptions, type ScanProgram } from "./program.js";
import { readFileText } from "./read-file.js";
import { readProjectConfig } from "./project-config.js";
import { isSourceFile } from "./list-files.js";
import { findSuppressions, type SuppressionComment } from "./suppressions.js";
import type { ScanFinding, ScanMode, ScanProject, UnresolvedImport } from "./types.js";
import { walkFile } from "./walk.js";

/** The settings a scan runs with (the options with their defaults). */
export interface ScanSettings {
  readonly baseUrls: readonly string[];
  readonly requiredScopes: (call: CallInput) => MatchResult;
  readonly mode: ScanMode;
}

/** What one program's files gave. */
export interface GroupResult {
  findings: ScanFinding[];
  problems: SourceProblem[];
  comments: SuppressionComment[];
  unresolved: UnresolvedImport[];
  unresolvedCount: number;
  project: ScanProject;
}

export interface Group {
  readonly config: string | undefined;
  readonly files: readonly string[];
  /** Folders the listing passed over: a file in one that the scanned files import is scanned too. */
  readonly passedOver?: readonly string[];
}

/** Files of the program inside passed-over folders (`src/node_modules/`, `app/.server/`): the project's own. */
const pulledIn = (program: ts.Program, files: readonly string[], folders: readonly string[]): string[] => {
  if (folders.length === 0) return [];
  const inside = (f: string): boolean => folders.some((d) => f.startsWith(`${d.replace(/\\/g, "/")}/`));
  return program
    .getSourceFiles()
    .map((sf) => sf.fileName)
    .filter((f) => isSourceFile(f) && inside(f) && !files.includes(f));
};

/** Scans one program's files: problems of reading them, then the analysis. */
export const scanGroup = (
  group: Group,
  mode: ScanMode,
  settings: ScanSettings,
  display: (file: string) => string,
  virtualFiles: ReadonlyMap<string, string> = new Map(),
  onFile: () => void = () => undefined,
  sdkDependency: (files: readonly string[]) => boolean = () => false,
  onLoad: () => void = () => undefined,
): GroupResult => {
  const config = readProjectConfig(group.config);
  const problems: SourceProblem[] = [];
  // Components (.vue, .svelte, .astro) are read as their scripts, under a name with a JS/TS extension.
  const virtual = new Map(virtualFiles);
  const real = new Map<string, string>();
  const files = group.files.flatMap((file) => {
    if (!COMPONENT_FILE.test(file)) return [file];
    const read = virtualFiles.has(file) ? { text: virtualFiles.get(file) as string } : readFileText(file);
    if (!("text" in read)) {
      problems.push({ source: { file: display(file) }, code: read.refused, message: read.message });
      return [];
    }
    const script = componentScript(read.text, file);
    const path = `${file}${script.ts ? ".ts" : ".js"}`;
    virtual.set(path, script.text);
    real.set(path, file);
    return [path];
  });
  const show = (file: string): string => display(real.get(file) ?? file);
  const findings: ScanFinding[] = [];
  const comments: SuppressionComment[] = [];
  let built: ScanProgram;
  try {
    built = createScanProgram(files, scanOptions(config.options, mode), virtual, onLoad);
  } catch (error) {
    for (const file of files)
      problems.push({
        source: { file: show(file) },
        code: "scan-failed",
        message: `could not build a program for it: ${(error as Error).message}`,
      });
    return {
      findings,
      problems,
      comments,
      unresolved: [],
      unresolvedCount: 0,
      project: {
        config: group.config && show(group.config),
        files: files.length,
        programFiles: 0,
        configErrors: config.errors,
      },
    };
  }
  const { program, refusals } = built;
  const scanned: FileFacts[] = [];
  const pulled = pulledIn(program, files, group.passedOver ?? []);
  for (const file of [...files, ...pulled]) {
    onFile();
    const shownName = show(file);
    const refusal = refusals.get(file);
    const sf = program.getSourceFile(file);
    if (refusal !== undefined || sf === undefined) {
      problems.push({
        source: { file: shownName },
        code: refusal?.code ?? "unreadable",
        message: refusal?.message ?? "could not be read",
      });
      continue;
    }
    const syntax = program.getSyntacticDiagnostics(sf);
    syntax.slice(0, MAX_PARSE_ERRORS_PER_FILE).forEach((d, i) => {
      const { line, character } = sf.getLineAndCharacterOfPosition(d.start ?? 0);
      const more =
        i === MAX_PARSE_ERRORS_PER_FILE - 1 && syntax.length > MAX_PARSE_ERRORS_PER_FILE
          ? ` (and ${syntax.length - MAX_PARSE_ERRORS_PER_FILE} more)`
          : "";
      problems.push({
        source: { file: shownName, line: line + 1, column: character + 1 },
        code: "parse-error",
        message: `cannot parse: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}${more}`,
      });
    });
    const facts = walkFile(sf);
    scanned.push(facts);
    comments.push(...findSuppressions(facts, shownName));
  }
  try {
    const analysis = analyze({
      checker: built.checker,
      scanned,
      bases: parseBases(settings.baseUrls),
      requiredScopes: settings.requiredScopes,
      usesSdk: built.importsSdk || scanned.some((f) => f.requiresSdk) || sdkDependency(files),
      display: show,
      sources: () =>
        program
          .getSourceFiles()
          .filter(
            (sf) =>
              !sf.isDeclarationFile &&
              (!sf.fileName.includes("/node_modules/") || pulled.includes(sf.fileName)) &&
              !sf.fileName.endsWith(".json"),
          ),
    });
    findings.push(...analysis.findings);
    for (const file of analysis.exhausted)
      problems.push({
        source: { file: show(file) },
        code: "too-complex",
        message: "its values take more work to follow than a file of its size may cost; later ones were not followed",
      });
  } catch (error) {
    for (const f of scanned)
      problems.push({
        source: { file: show(f.sf.fileName) },
        code: "scan-failed",
        message: `the scan failed on this program: ${(error as Error).message}`,
      });
  }
  const inProject = built.unresolved.filter((u) => !u.file.includes("/node_modules/"));
  const unresolved: UnresolvedImport[] = inProject.slice(0, MAX_UNRESOLVED_LISTED).map((u) => {
    const sf = program.getSourceFile(u.file);
    const lc = sf?.getLineAndCharacterOfPosition(u.pos);
    const source: SourceLocation = {
      file: show(u.file),
      ...(lc ? { line: lc.line + 1, column: lc.character + 1 } : {}),
    };
    return { specifier: u.specifier, source };
  });
  // Files the scanned ones import that could not be read whole (too large, too deep): like an import
  // that cannot be followed, what they export is unknown (and what depends on it fails closed).
  for (const [file, r] of refusals)
    if (!files.includes(file))
      unresolved.push({ specifier: `${show(file)} (${r.message})`, source: { file: show(file) } });
  return {
    findings,
    problems,
    comments,
    unresolved,
    unresolvedCount: unresolved.length + Math.max(0, inProject.length - MAX_UNRESOLVED_LISTED),
    project: {
      config: group.config && show(group.config),
      files: files.length,
      programFiles: program.getSourceFiles().length,
      configErrors: config.errors,
    },
  };
};
