// Node-only adapters: streaming files and the source scanner. The browser-safe core is "scopewise".
export { readLogFile, type LogFileOptions, type LogFileResult } from "./read-log-file.js";
export { detectFormat, SOURCE_FORMATS, type SourceFormat } from "./detect-format.js";
export { scanFiles, listSourceFiles, type ScanFilesResult } from "./scan/scan-files.js";
export { scanSource, type ScanFinding, type ScanOptions, type ScanResult } from "./scan/scan-source.js";
