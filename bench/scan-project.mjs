// Writes a seeded TypeScript application of about `files` source files for bench/scan.mjs: a shared
// Dynamic client module, an axios instance, a fetch helper and URL builders, imported (through a paths
// alias) by feature modules that also do ordinary work and call other APIs. Returns what it holds, so
// the bench can check the scan found every Dynamic call it wrote.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

// mulberry32: the same project for the same seed.
const random = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const LIB = {
  "src/lib/config.ts": `export const DYNAMIC_API_URL = "https://app.dynamicauth.com/api/v0";
export const ENVIRONMENT_ID = process.env.DYNAMIC_ENVIRONMENT_ID ?? "";
export const STRIPE_URL = "https://api.stripe.com/v1";
`,
  "src/lib/dynamic.ts": `import { Configuration, EventsApi, GatesApi, TokensApi, UsersApi, WalletsApi, WebhooksApi } from "@dynamic-labs/sdk-api";
import { DYNAMIC_API_URL } from "./config";

const configuration = new Configuration({ basePath: DYNAMIC_API_URL, accessToken: process.env.DYNAMIC_TOKEN });

export const users = new UsersApi(configuration);
export const wallets = new WalletsApi(configuration);
export const webhooks = new WebhooksApi(configuration);
export const tokens = new TokensApi(configuration);
export const gates = new GatesApi(configuration);
export const events = new EventsApi(configuration);
`,
  "src/lib/http.ts": `import axios from "axios";
import { DYNAMIC_API_URL } from "./config";

export const dynamicHttp = axios.create({ baseURL: DYNAMIC_API_URL, timeout: 10_000 });
`,
  "src/lib/dynamic-fetch.ts": `import { DYNAMIC_API_URL } from "./config";

export async function dynamicFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(\`\${DYNAMIC_API_URL}\${path}\`, {
    ...init,
    headers: { Authorization: \`Bearer \${process.env.DYNAMIC_TOKEN}\`, ...init.headers },
  });
  if (!response.ok) throw new Error(\`Dynamic \${response.status} on \${path}\`);
  return (await response.json()) as T;
}
`,
  "src/lib/endpoints.ts": `import { DYNAMIC_API_URL, ENVIRONMENT_ID } from "./config";

export const endpoints = {
  environment: (id: string = ENVIRONMENT_ID) => \`\${DYNAMIC_API_URL}/environments/\${id}\`,
  exports: (id?: string) => \`\${endpoints.environment(id)}/exports\`,
  origins: (id?: string) => \`\${endpoints.environment(id)}/origins\`,
} as const;
`,
  "src/index.ts": `export * from "./lib/dynamic";\nexport { dynamicHttp } from "./lib/http";\n`,
};

// Each kind of Dynamic call a feature module makes: the code, and how many calls the scan must find.
const CALLS = [
  (v) => [`  const page = await users.getEnvironmentUsers({ environmentId: ${v} });`, 1, ["users"]],
  (v) => [
    `  await users.updateUser({ environmentId: ${v}, userId: "u1", updateUserRequest: {} as never });`,
    1,
    ["users"],
  ],
  (v) => [`  const hooks = await webhooks.getWebhooks({ environmentId: ${v} });`, 1, ["webhooks"]],
  (v) => [`  await wallets.getWalletsByUserId({ environmentId: ${v}, userId: "u1" });`, 1, ["wallets"]],
  (v) => [`  await tokens.getTokens({ environmentId: ${v} });`, 1, ["tokens"]],
  (v) => [`  await gates.getEnvironmentGates({ environmentId: ${v} });`, 1, ["gates"]],
  (v) => [`  await events.getEvents({ environmentId: ${v} });`, 1, ["events"]],
  (v) => [`  await dynamicHttp.get(\`/environments/\${${v}}/users\`, { params: { limit: 50 } });`, 1, ["http"]],
  (v) => [`  await dynamicHttp.delete(\`/environments/\${${v}}/users/\${"u1"}\`);`, 1, ["http"]],
  (v) => [`  await dynamicFetch(\`/environments/\${${v}}/webhooks\`, { method: "POST", body: "{}" });`, 1, ["fetch"]],
  (v) => [`  await dynamicFetch<unknown[]>(\`/environments/\${${v}}/gates\`);`, 1, ["fetch"]],
  (v) => [`  await fetch(endpoints.exports(${v}), { method: "POST" });`, 1, ["endpoints"]],
  (v) => [`  await fetch(endpoints.origins(${v}));`, 1, ["endpoints"]],
];
const IMPORTS = {
  users: 'import { users } from "@/lib/dynamic";',
  webhooks: 'import { webhooks } from "@/lib/dynamic";',
  wallets: 'import { wallets } from "@/lib/dynamic";',
  tokens: 'import { tokens } from "@/lib/dynamic";',
  gates: 'import { gates } from "@/lib/dynamic";',
  events: 'import { events } from "@/lib/dynamic";',
  http: 'import { dynamicHttp } from "@/lib/http";',
  fetch: 'import { dynamicFetch } from "@/lib/dynamic-fetch";',
  endpoints: 'import { endpoints } from "@/lib/endpoints";',
};

const ordinary = (rnd, i, util) => {
  const name = `Record${i}`;
  const lines = [
    `export interface ${name} {`,
    "  id: string;",
    "  createdAt: Date;",
    "  tags: string[];",
    `  amount${i % 7}: number;`,
    "}",
    "",
    `export function summarize${i}(items: ${name}[]): string {`,
    "  const byTag = new Map<string, number>();",
    "  for (const item of items) for (const tag of item.tags) byTag.set(tag, (byTag.get(tag) ?? 0) + 1);",
    '  return [...byTag].map(([tag, n]) => `${tag}: ${n}`).join(", ");',
    "}",
    "",
    `export class Service${i} {`,
    `  private readonly cache = new Map<string, ${name}>();`,
    `  constructor(private readonly label = "service-${i}") {}`,
    `  remember(record: ${name}): void {`,
    "    this.cache.set(record.id, record);",
    `    console.log(\`\${this.label} cached \${record.id}\`);`,
    "  }",
    `  async charge(customer: string, cents: number) {`,
    '    const res = await fetch(`${STRIPE_URL}/charges`, { method: "POST", body: JSON.stringify({ customer, cents }) });',
    "    return res.ok;",
    "  }",
    `  find(id: string): ${name} | undefined {`,
    `    return this.cache.get(id) ?? ${util}(id);`,
    "  }",
    "}",
  ];
  const extra = Math.floor(rnd() * 40);
  for (let k = 0; k < extra; k++)
    lines.push(`export const value${i}_${k} = (x: number) => x * ${k + 1} + ${Math.floor(rnd() * 100)};`);
  return lines;
};

/** Writes the project under `dir`; returns its feature files (relative) and the Dynamic calls written. */
export const writeScanProject = (dir, { files = 1000, seed = 42 } = {}) => {
  const rnd = random(seed);
  const write = (rel, text) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  write(
    "package.json",
    JSON.stringify(
      { name: "bench-app", private: true, dependencies: { "@dynamic-labs/sdk-api": "^0.0.847", axios: "^1" } },
      null,
      2,
    ),
  );
  write(
    "tsconfig.json",
    JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "Bundler",
          strict: true,
          baseUrl: ".",
          paths: { "@/*": ["src/*"] },
        },
        include: ["src"],
      },
      null,
      2,
    ),
  );
  for (const [rel, text] of Object.entries(LIB)) write(rel, text);
  const utils = 30;
  for (let u = 0; u < utils; u++)
    write(
      `src/lib/util/u${u}.ts`,
      `export function lookup${u}<T>(id: string): T | undefined {\n  return id.length > ${u} ? undefined : undefined;\n}\n`,
    );
  const features = [];
  let calls = 0;
  const features_n = files - Object.keys(LIB).length - utils;
  for (let i = 0; i < features_n; i++) {
    const rel = `src/features/area${i % 25}/module${i}.ts`;
    const util = Math.floor(rnd() * utils);
    const made = [];
    const needs = new Set();
    const n = rnd() < 0.35 ? 0 : 1 + Math.floor(rnd() * 3);
    for (let c = 0; c < n; c++) {
      const [code, count, imports] = CALLS[Math.floor(rnd() * CALLS.length)]("environmentId");
      made.push(code);
      calls += count;
      for (const m of imports) needs.add(m);
    }
    const lines = [
      ...[...needs].map((m) => IMPORTS[m]),
      'import { STRIPE_URL } from "@/lib/config";',
      `import { lookup${util} } from "@/lib/util/u${util}";`,
      "",
      ...ordinary(rnd, i, `lookup${util}`),
    ];
    if (made.length > 0)
      lines.push("", `export async function sync${i}(environmentId: string): Promise<void> {`, ...made, "}");
    write(rel, `${lines.join("\n")}\n`);
    features.push(rel);
  }
  return { features, calls };
};
