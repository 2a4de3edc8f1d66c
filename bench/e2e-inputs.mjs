// Seeded inputs for the end-to-end benchmark, written the way the real tools write them:
// an nginx `combined` access log, JSON request logs (pino/express style), a Chromium-style HAR
// (DevTools "Export HAR": 2-space JSON, full headers and bodies), and a calls list.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { rng, routes, uncovered } from "./workload.mjs";

const hex = (r, n) => Array.from({ length: n }, () => "0123456789abcdef"[Math.floor(r() * 16)]).join("");
const uuid = (r) => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-a${hex(r, 3)}-${hex(r, 12)}`;
const pick = (r, list) => list[Math.floor(r() * list.length)];
const ENVS = Array.from({ length: 4 }, (_, i) => uuid(rng(100 + i)));
const fill = (r, template) =>
  template.replace(/:(\w+)/g, (_, name) =>
    name === "environmentId"
      ? pick(r, ENVS)
      : name === "chainName"
        ? pick(r, ["EVM", "SOL"])
        : name === "viewType"
          ? "login"
          : uuid(r),
  );

/** One request of a production mix: mostly catalog endpoints, some undocumented or health checks. */
const request = (r) => {
  const x = r();
  if (x < 0.9) {
    const route = pick(r, routes);
    const query = r() < 0.2 ? `?limit=${Math.floor(r() * 100)}&cursor=${hex(r, 12)}` : "";
    return { method: route.method, path: `/api/v0${fill(r, route.path)}${query}`, dynamic: true };
  }
  if (x < 0.95) {
    const [method, path] = pick(r, uncovered);
    return { method, path: `/api/v0${fill(r, path)}`, dynamic: true };
  }
  return { method: "GET", path: pick(r, ["/healthz", "/metrics", "/favicon.ico"]), dynamic: false };
};

const writer = (file) => {
  const out = createWriteStream(file);
  let buffer = "";
  return {
    async write(text) {
      buffer += text;
      if (buffer.length > 1 << 20) {
        if (!out.write(buffer)) await once(out, "drain");
        buffer = "";
      }
    },
    async end() {
      out.end(buffer);
      await once(out, "finish");
    },
  };
};

const AGENTS = ["user-sync/2.3", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)", "axios/1.7.2"];
const date = (i) => new Date(Date.UTC(2026, 10, 27, 9) + i * 37).toISOString();

/**
 * nginx `log_format combined`: `$remote_addr - $remote_user [$time_local] "$request" $status
 * $body_bytes_sent "$http_referer" "$http_user_agent"`.
 */
export const writeNginx = async (file, lines, seed = 1) => {
  const r = rng(seed);
  const w = writer(file);
  for (let i = 0; i < lines; i++) {
    const q = request(r);
    const t = new Date(Date.UTC(2026, 10, 27, 9) + i * 37);
    const local = `${String(t.getUTCDate()).padStart(2, "0")}/Nov/2026:${t.toISOString().slice(11, 19)} +0000`;
    const ip = `10.${i % 7}.${i % 251}.${(i * 7) % 253}`;
    const status = r() < 0.97 ? 200 : 404;
    await w.write(
      `${ip} - - [${local}] "${q.method} ${q.path} HTTP/1.1" ${status} ${Math.floor(r() * 50000)} "-" "${pick(r, AGENTS)}"\n`,
    );
  }
  await w.end();
};

/** JSON request logs as pino-http writes them: `req.method`, `req.url`, host header, status, timing. */
export const writeJsonLines = async (file, lines, seed = 2) => {
  const r = rng(seed);
  const w = writer(file);
  for (let i = 0; i < lines; i++) {
    const q = request(r);
    const line = {
      level: 30,
      time: Date.UTC(2026, 10, 27, 9) + i * 37,
      pid: 4211,
      hostname: "worker-7f9c",
      req: {
        id: i + 1,
        method: q.method,
        url: q.path,
        headers: { host: "app.dynamicauth.com", "user-agent": pick(r, AGENTS) },
      },
      res: { statusCode: r() < 0.97 ? 200 : 404 },
      responseTime: Math.floor(r() * 400),
      msg: "request completed",
    };
    await w.write(`${JSON.stringify(line)}\n`);
  }
  await w.end();
};

const headers = (r, pairs) => pairs.map(([name, value]) => ({ name, value }));
const body = (r, bytes) => {
  const users = [];
  let size = 0;
  while (size < bytes) {
    const u = {
      id: uuid(r),
      email: `user${hex(r, 6)}@example.com`,
      wallets: [{ address: `0x${hex(r, 40)}`, chain: "EVM" }],
    };
    size += JSON.stringify(u).length;
    users.push(u);
  }
  return JSON.stringify({ users, count: users.length });
};

/** A HAR 1.2 document as Chromium's DevTools exports it: every entry with full headers, timings and bodies. */
export const writeHar = async (file, entries, seed = 3) => {
  const r = rng(seed);
  const w = writer(file);
  await w.write(
    '{\n  "log": {\n    "version": "1.2",\n    "creator": {\n      "name": "WebInspector",\n      "version": "537.36"\n    },\n',
  );
  await w.write(
    '    "pages": [\n      {\n        "startedDateTime": "2026-11-27T09:00:00.000Z",\n        "id": "page_1",\n        "title": "https://dashboard.example.com/",\n        "pageTimings": {\n          "onContentLoad": 512.4,\n          "onLoad": 1203.9\n        }\n      }\n    ],\n    "entries": [',
  );
  for (let i = 0; i < entries; i++) {
    const q = request(r);
    const host = q.dynamic ? "https://app.dynamicauth.com" : "https://dashboard.example.com";
    const url = `${host}${q.path}`;
    const text = body(r, 2500 + Math.floor(r() * 2500));
    const entry = {
      _initiator: { type: "script" },
      _priority: "High",
      _resourceType: "fetch",
      cache: {},
      connection: "443",
      pageref: "page_1",
      request: {
        method: q.method,
        url,
        httpVersion: "http/2.0",
        headers: headers(r, [
          [":authority", host.slice(8)],
          [":method", q.method],
          [":path", q.path],
          [":scheme", "https"],
          ["accept", "application/json"],
          ["accept-encoding", "gzip, deflate, br, zstd"],
          ["accept-language", "en-US,en;q=0.9"],
          ["authorization", "Bearer [redacted]"],
          ["origin", "https://dashboard.example.com"],
          ["referer", "https://dashboard.example.com/"],
          ["sec-fetch-mode", "cors"],
          [
            "user-agent",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
          ],
        ]),
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: q.method === "GET" ? 0 : 64,
        ...(q.method === "GET"
          ? {}
          : { postData: { mimeType: "application/json", text: JSON.stringify({ note: "x" }) } }),
      },
      response: {
        status: 200,
        statusText: "",
        httpVersion: "http/2.0",
        headers: headers(r, [
          ["content-type", "application/json; charset=utf-8"],
          ["date", "Fri, 27 Nov 2026 09:00:01 GMT"],
          ["x-request-id", uuid(r)],
          ["access-control-allow-origin", "https://dashboard.example.com"],
        ]),
        cookies: [],
        content: { size: text.length, mimeType: "application/json", text },
        redirectURL: "",
        headersSize: -1,
        bodySize: -1,
        _transferSize: text.length + 300,
        _error: null,
      },
      serverIPAddress: "104.18.4.22",
      startedDateTime: date(i),
      time: 120.5,
      timings: {
        blocked: 1.2,
        dns: -1,
        ssl: -1,
        connect: -1,
        send: 0.2,
        wait: 110.1,
        receive: 9,
        _blocked_queueing: 0.8,
      },
    };
    const indented = JSON.stringify(entry, null, 2).replace(/\n/g, "\n      ");
    await w.write(`${i === 0 ? "" : ","}\n      ${indented}`);
  }
  await w.write("\n    ]\n  }\n}\n");
  await w.end();
};

/** A calls list: `METHOD URL` lines, absolute URLs on Dynamic's base URL. */
export const writeCalls = async (file, lines, seed = 4) => {
  const r = rng(seed);
  const w = writer(file);
  for (let i = 0; i < lines; i++) {
    let q = request(r);
    while (!q.dynamic) q = request(r);
    await w.write(`${q.method} https://app.dynamicauth.com${q.path}\n`);
  }
  await w.end();
};
