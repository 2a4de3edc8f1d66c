import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "coverage/", "node_modules/", ".bench/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly" } },
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "no-control-regex": "off",
    },
  },
  {
    // The core runs in browsers: Node built-ins only in the CLI and Node-only adapters.
    files: ["src/**/*.ts"],
    ignores: ["src/cli/**", "src/node/**"],
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
          ].map((name) => ({ name, message: "The core must run in a browser." })),
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
    },
  },
);
