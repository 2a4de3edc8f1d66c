import { dirname, join, relative, resolve, sep } from "node:path";
import { dynamicCatalog } from "../../catalog/dynamic-catalog.js";
import type { CallInput } from "../../matcher/read-call.js";
import { requiredScopesIn } from "../../matcher/required-scopes.js";
import { gitChanges } from "./changed-files.js";
import { PROJECT_FILE, withImporters } from "./importers.js";
import { MAX_UNRESOLVED_LISTED } from "./limits.js";
import { listSourceFiles, type SourceFiles } from "./list-files.js";
// What counts as a source file (config inputs use it to tell source from logs and HARs).
export { SOURCE_FILE } from "./list-files.js";
import { nearestConfig } from "./project-config.js";
import { readFileText } from "./read-file.js";
import { scanGroup, type GroupResult, type ScanSettings } from "./scan-group.js";
import { isSdkModule } from "./sdk-stub.js";
import { applySuppressions } from "./suppressions.js";
import type { ScanFinding, ScanMode, ScanOptions, ScanResult } from "./types.js";

/** A path as the user knows it: relative to the working folder when inside it, `/`-separated. */
export const shown = (file: string, cwd = process.cwd()): string => {
  const r = relative(cwd, file);
  return (r.startsWith("..") || r === "" ? file : r).split(sep).join("/");
};

/** The defaults every scan option falls back on: Dynamic's catalog. */
export const withDefaults = (options: ScanOptions): ScanSettings => ({
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
  `${f.source.file}:${f.source.line}:${f.source.column}:` +
  (f.kind === "call" ? `${f.call.method} ${f.call.path}` : `${f.code} ${f.text}`);

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
    const r = readFileText(join(d, "package.json"));
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

/**
 * What a scan of the changes since `ref` reads: the changed source files and every file importing one,
 * directly or not; all of `roots` when a project file (a tsconfig, a package.json, scopewise's config)
 * changed, since that changes how every file resolves.
 */
const changedSourceFiles = async (ref: string, roots: readonly string[]): Promise<SourceFiles> => {
  const changes = await gitChanges(ref, roots);
  const everything = await listSourceFiles(roots);
  if (changes.all.some((f) => PROJECT_FILE.test(f))) return everything;
  const files = new Set([...changes.files, ...withImporters(everything.files, changes.all)]);
  const picked = await listSourceFiles([...files]);
  return { ...picked, passedOver: everything.passedOver.filter((d) => changes.all.some((f) => f.startsWith(d))) };
};

/**
 * Scans JS/TS files and folders for Dynamic API calls. In `project` mode (the default) each file is
 * read in a TypeScript program of its project (nearest `tsconfig.json`/`jsconfig.json`, with its
 * `paths` and `baseUrl`), so a client, constant or helper imported from a file that is not scanned is
 * still resolved: scanning a pull request's files resolves through the whole project.
 */
export const scanFiles = async (paths: readonly string[], options: ScanOptions = {}): Promise<ScanResult> => {
  const settings = withDefaults(options);
  const cwd = options.cwd ?? process.cwd();
  const from = (ps: readonly string[]) => ps.map((p) => resolve(cwd, p));
  const listed =
    options.changedSince === undefined
      ? await listSourceFiles(from(paths))
      : await changedSourceFiles(options.changedSince, from(paths.length > 0 ? paths : ["."]));
  const display = (file: string): string => shown(file, cwd);
  const groups = new Map<string, string[]>();
  const configs = new Map<string, string | null>();
  for (const file of listed.files) {
    const config = settings.mode === "project" ? (nearestConfig(dirname(file), configs) ?? "") : "";
    groups.set(config, [...(groups.get(config) ?? []), file]);
  }
  const sdkCache = new Map<string, boolean>();
  const sdkDependency = (files: readonly string[]): boolean => files.some((f) => dependsOnSdk(dirname(f), sdkCache));
  let done = 0;
  let loaded = 0;
  const total = listed.files.length;
  const results: GroupResult[] = [];
  for (const [config, files] of groups) {
    results.push(
      scanGroup(
        { config: config === "" ? undefined : resolve(config), files, passedOver: listed.passedOver },
        settings.mode,
        settings,
        display,
        new Map(),
        () => options.onProgress?.({ phase: "scan", done: done++, total }),
        sdkDependency,
        () => options.onProgress?.({ phase: "program", done: ++loaded, total }),
      ),
    );
  }
  const comments = results.flatMap((r) => r.comments);
  const { findings, suppressions } = applySuppressions(sortFindings(results.flatMap((r) => r.findings)), comments);
  return {
    mode: settings.mode,
    files: total,
    skipped: listed.skipped.map(display),
    passedOver: listed.passedOver.map(display),
    projects: results.map((r) => r.project),
    findings: sortFindings(findings),
    problems: results.flatMap((r) => r.problems),
    suppressions,
    unresolved: results.flatMap((r) => r.unresolved).slice(0, MAX_UNRESOLVED_LISTED),
    unresolvedCount: results.reduce((n, r) => n + r.unresolvedCount, 0),
  };
};
