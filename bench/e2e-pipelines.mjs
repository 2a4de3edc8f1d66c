// What a user could write instead of scopewise, and the bare cost of reading the input: the limits the
// end-to-end benchmark holds the CLI to. Usage: node bench/e2e-pipelines.mjs MODE FILE
// The bare modes (readline, json-parse) load nothing else; the pipelines load scopewise's library.
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";

const [mode, file] = process.argv.slice(2);
const lines = () => createInterface({ input: createReadStream(file), crlfDelay: Infinity });

// Fold by endpoint, as any sensible script would, then plan over one call per endpoint.
const fold = async () => {
  const { minimalScopes, requiredScopes } = await import("../dist/esm/index.js");
  const seen = new Map();
  return {
    add(call) {
      const r = requiredScopes(call);
      const key = r.status === "matched" ? `${r.endpoint.method} ${r.endpoint.path}` : `${r.status}`;
      if (!seen.has(key)) seen.set(key, call);
    },
    done: () => console.log(JSON.stringify(minimalScopes([...seen.values()]).scopes)),
  };
};

const NGINX = /^\S+ \S+ \S+ \[[^\]]*\] "(\S+) (\S+)[^"]*"/;
const API = "https://app.dynamicauth.com/api/v0/";

if (mode === "readline") {
  let n = 0;
  for await (const _ of lines()) n++;
  console.log(n);
} else if (mode === "json-parse") {
  const doc = JSON.parse(await readFile(file, "utf8"));
  console.log(doc.log.entries.length);
} else if (mode === "pipeline-har") {
  const f = await fold();
  const doc = JSON.parse(await readFile(file, "utf8"));
  for (const e of doc.log.entries) if (e.request.url.startsWith(API)) f.add(e.request);
  f.done();
} else if (mode === "pipeline-nginx") {
  const f = await fold();
  for await (const line of lines()) {
    const m = NGINX.exec(line);
    if (m && m[2].startsWith("/api/v0/")) f.add({ method: m[1], url: m[2] });
  }
  f.done();
} else if (mode === "pipeline-json") {
  const f = await fold();
  for await (const line of lines()) {
    const o = JSON.parse(line);
    if (o.req.url.startsWith("/api/v0/"))
      f.add({ method: o.req.method, url: `https://${o.req.headers.host}${o.req.url}` });
  }
  f.done();
} else if (mode === "pipeline-calls") {
  const f = await fold();
  for await (const line of lines()) f.add(line);
  f.done();
} else throw new Error(`unknown mode ${mode}`);
