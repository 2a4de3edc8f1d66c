import { isBuiltin } from "node:module";
import ts from "typescript";
import { SCAN_LIB_ROOTS } from "./libs.js";
import { MAX_DECLARATION_BYTES, MAX_NESTING, MAX_SOURCE_BYTES } from "./limits.js";
import { isRegularFile, readFileText } from "./read-file.js";
import { isSdkModule, sdkIndex, SDK_STUB_FILE } from "./sdk-stub.js";

/** Why a file of the program was left empty: unreadable, too large, too deep, binary. */
export interface FileRefusal {
  readonly file: string;
  readonly code: string;
  readonly message: string;
}

/** An import the program could not follow. */
export interface UnresolvedImport {
  readonly specifier: string;
  readonly file: string;
  /** Offset of the module name in the file. */
  readonly pos: number;
}

/** A program over the scanned files and everything they import, with what could not be loaded. */
export interface ScanProgram {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly refusals: ReadonlyMap<string, FileRefusal>;
  readonly unresolved: readonly UnresolvedImport[];
  /** True when some file of the program imports `@dynamic-labs/sdk-api`. */
  readonly importsSdk: boolean;
}

/** How the program follows imports: `project` resolves them; `file` reads each root file alone. */
export type ProgramMode = "project" | "file";

// Shared by every program of the process: TypeScript's own lib files and the SDK stand-in never change.
const shared = new Map<string, ts.SourceFile>();
const libDirectory = ts.getDefaultLibFilePath({}).replace(/[^/\\]*$/, "");
const isShared = (file: string): boolean => file === SDK_STUB_FILE || file.startsWith(libDirectory);

/** The deepest nesting of `sf`, chains of `+`, `&&`, … not counted (TypeScript walks those in loops). */
const nesting = (sf: ts.SourceFile): number => {
  let max = 0;
  const nodes: ts.Node[] = [sf];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop() as ts.Node;
    const depth = depths.pop() as number;
    if (depth > max) {
      max = depth;
      if (max > MAX_NESTING) return max;
    }
    ts.forEachChild(node, (child) => {
      nodes.push(child);
      depths.push(ts.isBinaryExpression(child) && ts.isBinaryExpression(node) ? depth : depth + 1);
    });
  }
  return max;
};

const bundlerOptions = (options: ts.CompilerOptions): ts.CompilerOptions => ({
  ...options,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
});

/**
 * Creates the program a scan reads. The host reads only regular files under the size cap, gives
 * files nested too deep for TypeScript's recursion an empty body (and says so), answers every
 * `@dynamic-labs/sdk-api` import with the SDK stand-in, and retries an import it cannot resolve with
 * bundler resolution (extensionless relative imports) before listing it as unresolved.
 */
export const createScanProgram = (
  rootNames: readonly string[],
  options: ts.CompilerOptions,
  virtualFiles: ReadonlyMap<string, string> = new Map(),
  onLoad: () => void = () => undefined,
): ScanProgram => {
  const followImports = options.noResolve !== true;
  const base = ts.createCompilerHost(options, true);
  const refusals = new Map<string, FileRefusal>();
  const unresolved: UnresolvedImport[] = [];
  let importsSdk = false;
  const texts = new Map<string, string | undefined>();
  const readText = (file: string): string | undefined => {
    if (file === SDK_STUB_FILE) return sdkIndex().stub;
    const virtual = virtualFiles.get(file);
    if (virtual !== undefined) return virtual;
    if (texts.has(file)) return texts.get(file);
    const declaration = file.includes("/node_modules/") && /\.d\.[cm]?ts$/.test(file);
    const r = readFileText(file, declaration ? MAX_DECLARATION_BYTES : MAX_SOURCE_BYTES);
    const text = "text" in r ? r.text : undefined;
    if (!("text" in r)) refusals.set(file, { file, code: r.refused, message: r.message });
    texts.set(file, text);
    return text;
  };
  const parse = (file: string, text: string, how: ts.ScriptTarget | ts.CreateSourceFileOptions): ts.SourceFile => {
    let sf: ts.SourceFile;
    try {
      sf = ts.createSourceFile(file, text, how, true);
      const depth = nesting(sf);
      if (depth <= MAX_NESTING) return sf;
      refusals.set(file, {
        file,
        code: "too-deep",
        message: `nested more than ${MAX_NESTING} levels deep; not scanned`,
      });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      refusals.set(file, { file, code: "too-deep", message: "nested too deep for the parser; not scanned" });
    }
    return ts.createSourceFile(file, "", how, true);
  };
  const host: ts.CompilerHost = {
    ...base,
    fileExists: (file) => file === SDK_STUB_FILE || virtualFiles.has(file) || isRegularFile(file),
    readFile: (file) => readText(file),
    getSourceFile: (file, how) => {
      const key = `${file}\0${typeof how === "object" ? `${how.languageVersion}:${how.impliedNodeFormat}` : how}`;
      const cached = isShared(file) ? shared.get(key) : undefined;
      if (cached !== undefined) return cached;
      const text = readText(file);
      if (text === undefined) return undefined;
      const sf = parse(file, text, how);
      if (isShared(file)) shared.set(key, sf);
      else onLoad();
      return sf;
    },
    writeFile: () => undefined,
  };
  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), host.getCanonicalFileName, options);
  const lenient = bundlerOptions(options);
  const lenientCache = ts.createModuleResolutionCache(host.getCurrentDirectory(), host.getCanonicalFileName, lenient);
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, opts, containingSourceFile) =>
    literals.map((literal) => {
      const name = literal.text;
      if (isSdkModule(name)) {
        importsSdk = true;
        return {
          resolvedModule: {
            resolvedFileName: SDK_STUB_FILE,
            extension: ts.Extension.Dts,
            isExternalLibraryImport: true,
          },
        };
      }
      if (!followImports) return { resolvedModule: undefined };
      const mode = ts.getModeForUsageLocation(containingSourceFile, literal, opts);
      const first = ts.resolveModuleName(name, containingFile, opts, host, cache, redirected, mode);
      if (first.resolvedModule) return first;
      const second = ts.resolveModuleName(name, containingFile, lenient, host, lenientCache, redirected);
      if (second.resolvedModule) return second;
      // Synthesized imports (`react/jsx-runtime` for `jsx: react-jsx`) are the compiler's, not the file's.
      if (!containingFile.includes("/node_modules/") && literal.pos >= 0 && !isBuiltin(name))
        unresolved.push({
          specifier: name,
          file: containingFile,
          pos: Math.max(0, containingSourceFile.text.indexOf(name, literal.pos) - 1),
        });
      return first;
    });
  const program = ts.createProgram({ rootNames: [SDK_STUB_FILE, ...rootNames], options, host });
  return { program, checker: program.getTypeChecker(), refusals, unresolved, importsSdk };
};

/** Options a scan's program uses on top of the project's own: resolution as configured, nothing emitted. */
export const scanOptions = (project: ts.CompilerOptions, mode: ProgramMode): ts.CompilerOptions => {
  const {
    baseUrl,
    paths,
    pathsBasePath,
    rootDirs,
    moduleResolution,
    module,
    moduleSuffixes,
    customConditions,
    resolvePackageJsonExports,
    resolvePackageJsonImports,
    allowArbitraryExtensions,
    jsx,
    target,
    esModuleInterop,
    allowSyntheticDefaultImports,
    resolveJsonModule,
    experimentalDecorators,
    useDefineForClassFields,
  } = project;
  const kept: ts.CompilerOptions = {
    baseUrl,
    paths,
    pathsBasePath,
    rootDirs,
    moduleSuffixes,
    customConditions,
    resolvePackageJsonExports,
    resolvePackageJsonImports,
    allowArbitraryExtensions,
    esModuleInterop,
    allowSyntheticDefaultImports,
    resolveJsonModule,
    experimentalDecorators,
    useDefineForClassFields,
  };
  for (const key of Object.keys(kept) as (keyof ts.CompilerOptions)[]) if (kept[key] === undefined) delete kept[key];
  const resolution = moduleResolution ?? ts.ModuleResolutionKind.Bundler;
  return {
    ...kept,
    module:
      module ??
      (resolution === ts.ModuleResolutionKind.Node16 || resolution === ts.ModuleResolutionKind.NodeNext
        ? ts.ModuleKind.NodeNext
        : ts.ModuleKind.ESNext),
    moduleResolution: resolution,
    target: target ?? ts.ScriptTarget.ES2022,
    jsx: jsx ?? ts.JsxEmit.Preserve,
    allowJs: true,
    checkJs: false,
    // A URL in a JSON file imported by the code is read like a constant.
    resolveJsonModule: true,
    noEmit: true,
    skipLibCheck: true,
    lib: SCAN_LIB_ROOTS,
    types: [],
    maxNodeModuleJsDepth: 0,
    noResolve: mode === "file",
  };
};
