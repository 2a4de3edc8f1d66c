import type { Metafile } from "esbuild";

export declare const outDir: string;
/** Bundles the page into `dir` (dist/wizard by default); `write: false` returns the files instead. */
export declare const buildWizard: (options?: {
  write?: boolean;
  dir?: string;
}) => Promise<{ metafile: Metafile; files: Record<string, Uint8Array> }>;
/** min+gzip bytes of a built file. */
export declare const gzipSize: (contents: Uint8Array) => number;
