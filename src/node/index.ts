// Node-only adapters: reading files and stdin, and the source scanner. The browser-safe core is "scopewise".
export { readSource, readText, type ReadSourceOptions, type SourceInput } from "./read-source.js";
export { detectFormat, SOURCE_FORMATS, type SourceFormat } from "./detect-format.js";
export { findConfig } from "./config/find-config.js";
export { loadConfig, type LoadedConfig } from "./config/load-config.js";
export { expandInputs, type InputFile } from "./config/expand-inputs.js";
export { scanFiles, listSourceFiles, type ScanFilesResult } from "./scan/scan-files.js";
export { scanSource, type ScanFinding, type ScanOptions, type ScanResult } from "./scan/scan-source.js";
