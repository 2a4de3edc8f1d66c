import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { dynamicCatalog } from "../../catalog/dynamic-catalog.js";
import type { CallInput } from "../../matcher/read-call.js";
import { requiredScopesIn } from "../../matcher/required-scopes.js";
import type { SourceLocation, SourceProblem } from "../../sources/types.js";
import { analyze } from "./analyze.js";
import { changedFiles } from "./changed-files.js";
import type { FileFacts } from "./context.js";
import { parseBases } from "./dynamic-url.js";
import { MAX_PARSE_ERRORS_PER_FILE, MAX_UNRESOLVED_LISTED } from "./limits.js";
import { listSourceFiles } from "./list-files.js";
import { createScanProgram, scanOptions, type ScanProgram } from "./program.js";
import { nearestConfig, readProjectConfig } from "./project-config.js";
import { readSourceText } from "./read-source.js";
import { isSdkModule } from "./sdk-stub.js";
import { applySuppressions, findSuppressions, type SuppressionComment } from "./suppressions.js";
import type { ScanFinding, ScanMode, ScanOptions, ScanProject, ScanResult, UnresolvedImport } from "./types.js";
import { walkFile } from "./walk.js";

/** A path as the user knows it: relative to the working folder when inside it, `/`-separated. */
export const shown = (file: string): string => {
  const r = relative(process.cwd(), file);
  return (r.startsWith("..") || r === "" ? file : r).split(sep).join("/");
};

/** The defaults every scan option falls back on: Dynamic's catalog. */
export const withDefaults = (options: ScanOptions) => ({
  baseUrls: options.baseUrls ?? dynamicCatalog.baseUrls,
  requiredScopes: options.requiredScopes ?? ((call: CallInput) => requiredScopesIn(dynamicCatalog, call)),
  mode: options.mode ?? ("project" as ScanMode),
});

const order = (a: ScanFinding, b: ScanFinding): number =>
  a.source.file < b.source.file
    ? -1
    : a.source.file > b.source.file
      ? 1
      : (a.source.line ?? 0) - (b.source.line ?? 0) || (a.source.column ?? 0) - (b.source.column ?? 0);

const key = (f: ScanFinding): string =>
  `${f.source.file}:${f.source.line}:${f.source.column}:${f.kind}:${f.kind === "call" ? `${f.call.method} ${f.call.path}` : `${f.code} ${f.text}`}`;

/** Sorted by place, each finding once. */
export const sortFindings = (findings: readonly ScanFinding[]): ScanFinding[] => {
  const seen = new Set<string>();
  return [...findings].sort(order).filter((f) => {
    const k = key(f);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

/** True when a package.json at or above `dir` depends on the SDK (cached per folder). */
const dependsOnSdk = (dir: string, cache: Map<string, boolean>): boolean => {
  const seen: string[] = [];
  let answer = false;
  for (let d = dir; ; d = dirname(d)) {
    const cached = cache.get(d);
    if (cached !== undefined) {
      answer = cached;
      break;
    }
    seen.push(d);
    const r = readSourceText(join(d, "package.json"));
    if ("text" in r) {
      try {
        const pkg = JSON.parse(r.text) as Record<string, unknown>;
        const deps = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"].flatMap((k) =>
          Object.keys((pkg[k] as object | null) ?? {}),
        );
        if (deps.some(isSdkModule)) {
          answer = true;
          break;
        }
      } catch {
        // not JSON: says nothing
      }
    }
    if (dirname(d) === d) break;
  }
  for (const d of seen) cache.set(d, answer);
  return answer;
};

/** What one program's files gave. */
interface GroupResult {
  findings: ScanFinding[];
  problems: SourceProblem[];
  comments: SuppressionComment[];
  unresolved: UnresolvedImport[];
  unresolvedCount: number;
  project: ScanProject;
}

interface Group {
  readonly config: string | undefined;
  readonly files: readonly string[];
}

/** Scans one program's files: problems of reading them, then the analysis. */
export const scanGroup = (
  group: Group,
  mode: ScanMode,
  settings: ReturnType<typeof withDefaults>,
  display: (file: string) => string,
  virtualFiles: ReadonlyMap<string, string> = new Map(),
  onFile: () => void = () => undefined,
  sdkDependency: (files: readonly string[]) => boolean = () => false,
): GroupResult => {
  const config = readProjectConfig(group.config);
  const problems: SourceProblem[] = [];
  const findings: ScanFinding[] = [];
  const comments: SuppressionComment[] = [];
  let built: ScanProgram;
  try {
    built = createScanProgram(group.files, scanOptions(config.options, mode), virtualFiles);
  } catch (error) {
    for (const file of group.files)
      problems.push({
        source: { file: display(file) },
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
        config: group.config && display(group.config),
        files: group.files.length,
        programFiles: 0,
        configErrors: config.errors,
      },
    };
  }
  const { program, refusals } = built;
  const scanned: FileFacts[] = [];
  for (const file of group.files) {
    onFile();
    const shownName = display(file);
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
  // Files the scanned ones import that could not be loaded: their names are unknown to the scan.
  for (const [file, r] of refusals)
    if (!group.files.includes(file))
      problems.push({ source: { file: display(file) }, code: r.code, message: `imported, but ${r.message}` });
  try {
    const analysis = analyze({
      checker: built.checker,
      scanned,
      bases: parseBases(settings.baseUrls),
      requiredScopes: settings.requiredScopes,
      usesSdk: built.importsSdk || sdkDependency(group.files),
      display,
    });
    findings.push(...analysis.findings);
    for (const file of analysis.exhausted)
      problems.push({
        source: { file: display(file) },
        code: "too-complex",
        message: "its values take more work to follow than a file of its size may cost; later ones were not followed",
      });
  } catch (error) {
    for (const f of scanned)
      problems.push({
        source: { file: display(f.sf.fileName) },
        code: "scan-failed",
        message: `the scan failed on this program: ${(error as Error).message}`,
      });
  }
  const inProject = built.unresolved.filter((u) => !u.file.includes("/node_modules/"));
  const unresolved = inProject.slice(0, MAX_UNRESOLVED_LISTED).map((u) => {
    const sf = program.getSourceFile(u.file);
    const lc = sf?.getLineAndCharacterOfPosition(u.pos);
    const source: SourceLocation = {
      file: display(u.file),
      ...(lc ? { line: lc.line + 1, column: lc.character + 1 } : {}),
    };
    return { specifier: u.specifier, source };
  });
  return {
    findings,
    problems,
    comments,
    unresolved,
    unresolvedCount: inProject.length,
    project: {
      config: group.config && display(group.config),
      files: group.files.length,
      programFiles: program.getSourceFiles().length,
      configErrors: config.errors,
    },
  };
};

/**
 * Scans JS/TS files and folders for Dynamic API calls. In `project` mode (the default) each file is
 * read in a TypeScript program of its project (nearest `tsconfig.json`/`jsconfig.json`, with its
 * `paths` and `baseUrl`), so a client, constant or helper imported from a file that is not scanned is
 * still resolved: scanning a pull request's files resolves through the whole project.
 */
export const scanFiles = async (paths: readonly string[], options: ScanOptions = {}): Promise<ScanResult> => {
  const settings = withDefaults(options);
  const listed =
    options.changedSince === undefined
      ? await listSourceFiles(paths)
      : await listSourceFiles(await changedFiles(options.changedSince, paths.length > 0 ? paths : ["."]));
  const display = (file: string): string => shown(file);
  const groups = new Map<string, string[]>();
  const configs = new Map<string, string | null>();
  for (const file of listed.files) {
    const config = settings.mode === "project" ? (nearestConfig(dirname(file), configs) ?? "") : "";
    groups.set(config, [...(groups.get(config) ?? []), file]);
  }
  const sdkCache = new Map<string, boolean>();
  const sdkDependency = (files: readonly string[]): boolean => files.some((f) => dependsOnSdk(dirname(f), sdkCache));
  let done = 0;
  const total = listed.files.length;
  const results: GroupResult[] = [];
  let built = 0;
  for (const [config, files] of groups) {
    options.onProgress?.({ phase: "program", done: built, total: groups.size });
    results.push(
      scanGroup(
        { config: config === "" ? undefined : resolve(config), files },
        settings.mode,
        settings,
        display,
        new Map(),
        () => options.onProgress?.({ phase: "scan", done: done++, total }),
        sdkDependency,
      ),
    );
    built++;
  }
  const comments = results.flatMap((r) => r.comments);
  const { findings, suppressions } = applySuppressions(sortFindings(results.flatMap((r) => r.findings)), comments);
  return {
    mode: settings.mode,
    files: total,
    skipped: listed.skipped.map(display),
    projects: results.map((r) => r.project),
    findings: sortFindings(findings),
    problems: results.flatMap((r) => r.problems),
    suppressions,
    unresolved: results.flatMap((r) => r.unresolved).slice(0, MAX_UNRESOLVED_LISTED),
    unresolvedCount: results.reduce((n, r) => n + r.unresolvedCount, 0),
  };
};
