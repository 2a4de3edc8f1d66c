import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import tseslint from "typescript-eslint";

// The layers, lowest first: a module may import its own layer and the ones before it.
const LAYERS = [
  "util",
  "catalog",
  "matcher",
  ["planner", "checker"],
  "sources",
  "gate",
  "report",
  "api",
  "node",
  "cli",
  "action",
];
const below = (i) => LAYERS.slice(0, i + 1).flat();
const policies = LAYERS.flatMap((layer, i) =>
  [layer].flat().map((type) => ({
    from: { element: { type } },
    // Siblings on one level (planner, checker) do not import each other.
    allow: { to: { element: { types: { anyOf: [...below(i - 1), type] } } } },
  })),
);

export default tseslint.config(
  { ignores: ["dist/", "coverage/", "node_modules/", ".bench/", "test/fixtures/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly", Request: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-control-regex": "off",
    },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", exports: "writable", module: "writable" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The layers of src/, enforced: util → catalog → matcher → planner/checker → sources → gate → report → api
    // → node → cli → action.
    files: ["src/**/*.ts"],
    plugins: { boundaries },
    settings: {
      "boundaries/include": ["src/**/*.ts"],
      // Re-exports only: the package's front door stands above every layer.
      "boundaries/ignore": ["src/index.ts"],
      "boundaries/elements": LAYERS.flat().map((type) => ({ type, pattern: `src/${type}` })),
      "import/resolver": { [fileURLToPath(new URL("scripts/eslint-ts-resolver.cjs", import.meta.url))]: {} },
    },
    rules: {
      "boundaries/dependencies": ["error", { default: "disallow", policies }],
      "boundaries/no-unknown-files": "error",
    },
  },
  {
    // The core runs in browsers: Node built-ins only in the CLI and Node-only adapters.
    files: ["src/**/*.ts"],
    ignores: ["src/cli/**", "src/node/**", "src/action/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            "fs",
            "fs/promises",
            "path",
            "os",
            "child_process",
            "url",
            "util",
            "stream",
            "readline",
            "http",
            "https",
            "net",
          ]
            .map((name) => ({ name, message: "The core must run in a browser." }))
            .concat([
              { name: "@dynamic-labs/sdk-api", message: "Dynamic's SDK client is for src/node/ and the CLI only." },
            ]),
          patterns: [{ group: ["node:*"], message: "The core must run in a browser." }],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "process", message: "The core must run in a browser." },
        { name: "Buffer", message: "The core must run in a browser." },
      ],
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-syntax": ["error", { selector: "ExportDefaultDeclaration", message: "Named exports only." }],
      "max-lines": ["error", { max: 250, skipBlankLines: true, skipComments: true }],
      "max-len": ["error", { code: 120 }],
    },
  },
  {
    // Tests quote long expected output as is; the code around it keeps to 120 columns too.
    files: ["test/**", "bench/**", "scripts/**", "*.js", "*.ts"],
    rules: {
      "max-len": [
        "error",
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
      ],
    },
  },
  {
    // The token wizard renders untrusted text (pasted calls, dropped files, links): only as Preact text and
    // attribute values, never as markup, and it sends nothing anywhere.
    files: ["wizard/**/*.ts", "wizard/**/*.tsx"],
    rules: {
      "no-restricted-properties": [
        "error",
        ...["innerHTML", "outerHTML", "insertAdjacentHTML", "write", "writeln", "srcdoc", "sendBeacon"].map(
          (property) => ({
            property,
            message: "Text reaches the page only as text nodes.",
          }),
        ),
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: "Text reaches the page only as text.",
        },
        { selector: "JSXAttribute[name.name=/^on/][value.type='Literal']", message: "No handlers written as strings." },
        {
          selector: "JSXAttribute[name.name='href'][value.type!='Literal']",
          message: "Links only to fixed addresses.",
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "localStorage", "sessionStorage", "indexedDB"].map(
          (name) => ({ name, message: "The wizard sends and stores nothing." }),
        ),
      ],
    },
  },
);
