import { lstat, open, unlink, type FileHandle } from "node:fs/promises";
import { checkApiUrl, DEFAULT_API_URL } from "../../node/tokens/api-url.js";
import type { TokenCreation } from "../../report/model.js";
import { printable } from "../../util/printable.js";
import { defineCommand, EXIT, UsageError, type CommandContext } from "../command.js";
import type { Live } from "../live.js";
import { INPUT_OPTIONS, LIVE_OPTIONS, outputFormat, SIMPLE_OUTPUT_OPTIONS } from "../options.js";

const options = {
  ...LIVE_OPTIONS,
  note: { type: "string", value: "NOTE", description: "the new token's note (its name in the dashboard)" },
  yes: { type: "boolean", description: "create without asking (required when stdin is not a terminal)" },
  "print-secret": { type: "boolean", description: "print the new secret, alone, on stdout (the report: stderr)" },
  "secret-file": { type: "string", value: "FILE", description: "write the new secret to FILE (mode 0600; new file)" },
  "dry-run": { type: "boolean", description: "print the request and an equivalent curl (token elided); send nothing" },
  ...INPUT_OPTIONS,
  ...SIMPLE_OUTPUT_OPTIONS,
} as const;

/** A shell word: single-quoted, so nothing in it is expanded. */
const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

const requestOf = <S extends string>(url: string, body: { note: string; scopes: readonly S[] }) => ({
  method: "POST" as const,
  url,
  body,
  curl: [
    `curl -sS -X POST ${shellQuote(url)} \\`,
    `  -H "Authorization: Bearer $DYNAMIC_API_TOKEN" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  --data ${shellQuote(JSON.stringify(body))}`,
  ].join("\n"),
});

/** Opens FILE for the secret: exclusively (a file or link already there is refused) and mode 0600. */
const openSecretFile = async (file: string): Promise<FileHandle> => {
  try {
    return await open(file, "wx", 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "EEXIST"
        ? `--secret-file ${file} exists; scopewise does not overwrite a secret file`
        : `--secret-file ${file} cannot be created (${code ?? (error as Error).message})`,
      "token create",
    );
  }
};

const confirm = async (live: Live, tty: boolean, question: string): Promise<boolean> => {
  if (!tty)
    throw new UsageError(
      "stdin is not a terminal, so there is no one to ask; pass --yes to create the token",
      "token create",
    );
  live.io.stderr(`${question} [y/N] `);
  const { readLine } = await import("../live.js");
  const answer = (await readLine(live.io.stdin))?.trim().toLowerCase();
  return answer === "y" || answer === "yes";
};

type Values = CommandContext<typeof options>["values"];

/** The note, the environment, and exactly one place for the secret: usage errors before anything is read. */
const checkValues = (values: Values): { note: string; environment: string } => {
  const fail = (message: string): never => {
    throw new UsageError(message, "token create");
  };
  const { note, environment } = values;
  if (environment === undefined) return fail("--environment ENV is required");
  if (note === undefined || note.trim() === "") return fail("--note NOTE is required (the token's name)");
  if (/[\u0000-\u001f\u007f-\u009f]/.test(note)) fail("--note must not hold control characters (newlines, escapes)");
  if (!values["dry-run"] && values["print-secret"] === (values["secret-file"] !== undefined))
    fail(
      values["print-secret"]
        ? "give one of --print-secret and --secret-file, not both"
        : "say where the new secret goes: --print-secret or --secret-file FILE; Dynamic never shows it again",
    );
  return { note, environment };
};

/** `scopewise token create --environment ENV --note NOTE (--print-secret | --secret-file FILE) FILE...` */
export const tokenCreate = defineCommand({
  name: "token create",
  summary: "create a token with the minimal scopes for the calls in files",
  args: "--environment ENV --note NOTE FILE...",
  positionals: { min: 1, max: Infinity, name: "FILE" },
  description: [
    "Computes the minimal scopes for the calls in the FILEs, shows them with the calls behind",
    "each, asks on a terminal (--yes in CI), and creates the token (POST",
    "/environments/:environmentId/tokens, which needs environment.apiTokens.write). Refuses when a",
    "call is not identified. The new secret goes only where you say, never into a report.",
  ].join("\n"),
  options,
  exits:
    "0 created (or --dry-run); 1 not created (declined, or calls not identified) or created with other scopes " +
    "than asked (the secret is still delivered); 2 usage, auth or network error.",
  examples: [
    "scopewise token create --environment $ENV --note deploy --dry-run deploy-calls.txt",
    "scopewise token create --environment $ENV --note deploy --secret-file ./deploy-token deploy-calls.txt",
  ],
  async run({ values, positionals, io }: CommandContext<typeof options>) {
    const format = outputFormat(values, "token create");
    const { note, environment } = checkValues(values);
    const url = `${checkApiUrl(values["api-url"] ?? DEFAULT_API_URL)}/environments/${environment}/tokens`;
    const secretFile = values["secret-file"];
    if (
      secretFile !== undefined &&
      !values["dry-run"] &&
      (await lstat(secretFile).then(
        () => true,
        () => false,
      ))
    )
      throw new UsageError(
        `--secret-file ${secretFile} exists; scopewise does not overwrite a secret file`,
        "token create",
      );
    const [{ createToken, secretShapeProblem }, { loadCalculator, render }, { runLive }, { readInputs }] =
      await Promise.all([
        import("../../node/tokens/create-token.js"),
        import("../context.js"),
        import("../live.js"),
        import("../read-inputs.js"),
      ]);
    return runLive("token create", io, values, async (live) => {
      const calc = await loadCalculator(undefined, io);
      const read = await readInputs(positionals, { from: values.from, baseUrls: values["base-url"], calc, io });
      const plan = calc.minimalScopes(read.calls);
      const create: TokenCreation = {
        environment,
        note,
        plan,
        request: requestOf(url, { note, scopes: plan.scopes }),
        phase: "proposed",
      };
      // With --print-secret, stdout is the secret alone: the report goes to stderr.
      const out = values["print-secret"] && !values["dry-run"] ? { ...live.io, stdout: live.io.stderr } : live.io;
      const parts = { inputs: read.inputs, problems: read.problems };
      const refuse = (why: string): number => {
        render(out, format, { kind: "token-create", create: { ...create, phase: "refused", refused: why } }, parts);
        live.io.stderr(`scopewise token create: ${why}; nothing was created\n`);
        return EXIT.no;
      };
      const n = plan.unidentified.length;
      if (read.problems.length > 0)
        return refuse(`${read.problems.length} input items were not read as calls, so the plan may miss scopes`);
      if (!plan.complete)
        return refuse(
          `${n} call${n === 1 ? " is" : "s are"} not identified (see scopewise plan); ` +
            `the token would not cover ${n === 1 ? "it" : "them"}`,
        );
      if (plan.scopes.length === 0)
        return refuse("the FILEs hold no calls that need a scope, and a token with no scope list may be unrestricted");
      if (values["dry-run"]) {
        render(out, format, { kind: "token-create", create: { ...create, phase: "dry-run" } }, parts);
        return EXIT.ok;
      }
      const client = await live.client();
      if (format === "text") render(out, format, { kind: "token-create", create }, parts);
      if (!values.yes) {
        const question =
          `Create token "${printable(note, 80)}" in environment ${environment} ` + `with ${plan.scopes.join(", ")}?`;
        if (!(await confirm(live, io.isTTY.stdin, question))) {
          live.io.stderr("Not created.\n");
          return EXIT.no;
        }
      }
      const file = secretFile === undefined ? undefined : await openSecretFile(secretFile);
      let created;
      try {
        live.progress.update(`creating the token in environment ${environment}…`);
        created = await createToken(client, environment, { note, scopes: plan.scopes });
        // createToken checked it; checked again where it leaves the process.
        if (secretShapeProblem(created.secret) !== undefined) throw new Error("a secret of the wrong shape");
      } catch (error) {
        if (file !== undefined) {
          await file.close();
          await unlink(secretFile!).catch(() => undefined);
        }
        throw error;
      }
      live.progress.done();
      // The secret first, so nothing below can lose it.
      if (file !== undefined) {
        await file.writeFile(`${created.secret}\n`);
        await file.chmod(0o600);
        await file.close();
      } else live.secretOut(created.secret);
      const t = created.token;
      const asked = [...plan.scopes].sort();
      const got = t.scopeList === "listed" ? [...t.scopes].sort() : undefined;
      const sameScopes = got !== undefined && got.length === asked.length && got.every((s, i) => s === asked[i]);
      const secret = file !== undefined ? { file: secretFile! } : { stdout: true as const };
      const done: TokenCreation = { ...create, phase: "created", created: { token: t, sameScopes, secret } };
      render(out, format, { kind: "token-create", create: done }, format === "text" ? {} : parts);
      if (sameScopes) return EXIT.ok;
      const shown = got === undefined ? `no scope list (${t.scopeList})` : got.map((s) => printable(s, 80)).join(", ");
      live.io.stderr(
        `scopewise token create: Dynamic created the token with ${shown || "no scopes"}, not the ` +
          `${asked.join(", ")} asked for; check it in the dashboard (exit 1)\n`,
      );
      return EXIT.no;
    });
  },
});
