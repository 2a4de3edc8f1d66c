// Token wizard: paste calls or drop a HAR, get the minimal Dynamic token scopes. Runs entirely in the page.
// Build and serve: npx esbuild examples/token-wizard/wizard.ts --bundle --minify --format=esm --outdir=examples/token-wizard --servedir=examples/token-wizard
import { dynamicCatalog, minimalScopes, readHar, resolveOperationNames } from "../../src/index.js";

const input = document.querySelector<HTMLTextAreaElement>("#calls")!;
const output = document.querySelector<HTMLPreElement>("#scopes")!;

const show = (calls: unknown[]): void => {
  const plan = minimalScopes(calls as never);
  const lines = plan.reasons.map(
    (r) => `${r.scope}  (${r.calls.map((c) => `${c.endpoint.method} ${c.endpoint.path}`).join(", ")})`,
  );
  const unknown = plan.unknown.map((u) => `not identified: ${u.call} (${u.reason})`);
  output.textContent = [`scopes: ${plan.scopes.join(",") || "(none)"}`, ...lines, ...unknown].join("\n");
};

const fromText = (): void => {
  const lines = input.value
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
  show(
    resolveOperationNames(
      lines,
      lines.map((_, i) => ({ file: "pasted", line: i + 1 })),
    ).calls,
  );
};

input.addEventListener("input", fromText);
document.querySelector<HTMLInputElement>("#har")!.addEventListener("change", async (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (!file) return;
  const har = readHar(await file.text(), { file: file.name, baseUrls: dynamicCatalog.baseUrls });
  if (!har.ok) output.textContent = har.problem.message;
  else show(har.calls.map((c) => c.call));
});
fromText();
