import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** The secret every fake answers to: tests grep every output for it. */
export const SECRET = "dyn_TestSecret0123456789abcdefGHIJKLmnopQRSTuv";
/** What Dynamic shows of it: its last 6 characters. */
export const CHECKSUM = SECRET.slice(-6);

/**
 * Whether `text` shows 12 or more characters of `secret` in a row, read as a person would: ignoring case,
 * compatibility forms and invisible or separating characters in between, and reading back the escapes the
 * formats write (`\u0007`, `\n`, `%0A`, `&#8203;`). Written independently of `redact`, to test it.
 */
export const leaksSecret = (text: string, secret: string = SECRET): boolean => {
  const canon = (s: string) =>
    s
      .replace(/\\u\{([0-9a-f]{1,6})\}|\\u([0-9a-f]{4})/gi, (_: string, a?: string, b?: string) =>
        String.fromCodePoint(parseInt(a ?? b ?? "", 16)),
      )
      .replace(/\\[nrtbfv0]/g, " ")
      .replace(/%([0-9a-f]{2})/gi, (m: string, h: string) =>
        parseInt(h, 16) < 0x20 || parseInt(h, 16) >= 0x7f ? " " : m,
      )
      .replace(/&#(\d+);/g, (_: string, d: string) => String.fromCodePoint(Number(d)))
      .normalize("NFKC")
      .replace(/[\p{Cc}\p{Cf}\p{Z}\p{M}\p{Default_Ignorable_Code_Point}\\]/gu, "")
      .toLowerCase();
  const seen = canon(text);
  const s = canon(secret);
  for (let k = 0; k + 12 <= s.length; k++) if (seen.includes(s.slice(k, k + 12))) return true;
  return false;
};

/** A request the fake received. `authorization` is kept only to compare, never printed. */
export interface Received {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
  readonly body: string;
}

/** What the fake answers. */
export interface Answer {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is. */
  readonly body?: unknown;
  /** Wait before answering at all. */
  readonly delayMs?: number;
  /** Send the headers and this much body, then stall forever. */
  readonly stallAfter?: string;
  /** Drop the connection without answering. */
  readonly destroy?: boolean;
  /** Send the headers and this much body, then drop the connection. */
  readonly closeAfter?: string;
  /** Send this body as is (e.g. gzip bytes with a content-encoding header). */
  readonly raw?: Buffer;
  /** Send this many bytes of body (a huge answer), in 64 KiB chunks. */
  readonly hugeBytes?: number;
}

export type Handler = (req: Received, n: number) => Answer | Promise<Answer>;

/** A `node:http` server on 127.0.0.1 standing in for Dynamic's API at `${url}` (…/api/v0). */
export const startFake = async (
  handler: Handler,
): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> => {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r: Received = {
        method: req.method ?? "",
        url: req.url ?? "",
        authorization: req.headers.authorization,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      received.push(r);
      void Promise.resolve(handler(r, received.length)).then(async (a) => {
        // Unref'd: a long delay never keeps the test process alive after the server is closed.
        if (a.delayMs) await new Promise((resolve) => setTimeout(resolve, a.delayMs).unref());
        if (res.destroyed) return;
        if (a.destroy) {
          req.socket.destroy();
          return;
        }
        const body = a.body === undefined ? "" : typeof a.body === "string" ? a.body : JSON.stringify(a.body);
        if (a.hugeBytes !== undefined) {
          res.writeHead(a.status ?? 200, { "content-type": "application/json", ...a.headers });
          const chunk = Buffer.alloc(64 << 10, 0x20);
          let sent = 0;
          const pump = (): void => {
            while (sent < a.hugeBytes! && !res.destroyed) {
              sent += chunk.length;
              if (!res.write(chunk)) return void res.once("drain", pump);
            }
            res.end();
          };
          res.on("error", () => undefined);
          pump();
          return;
        }
        if (a.closeAfter !== undefined) {
          res.writeHead(a.status ?? 200, { "content-type": "application/json", ...a.headers });
          res.write(a.closeAfter, () => setTimeout(() => req.socket.destroy(), 20));
          return;
        }
        if (a.raw !== undefined) {
          res.writeHead(a.status ?? 200, { "content-type": "application/json", ...a.headers });
          res.end(a.raw);
          return;
        }
        if (a.stallAfter !== undefined) {
          res.writeHead(a.status ?? 200, { "content-type": "application/json", ...a.headers });
          res.write(a.stallAfter);
          return;
        }
        res.writeHead(a.status ?? 200, { "content-type": "application/json", ...a.headers });
        res.end(body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v0`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

const DAY = 86_400_000;
/** "Now", as the commands count ages. */
export const NOW = Date.now();
export const daysAgo = (days: number): string => new Date(NOW - days * DAY).toISOString();

/** A token as the SDK's `Token` model has it (`createdBy` included); `scopes` left out when undefined. */
export const token = (fields: {
  id: string;
  note?: string;
  checksum?: string;
  createdAt?: unknown;
  scopes?: unknown;
  [more: string]: unknown;
}): Record<string, unknown> => ({
  checksum: "a1b2c3",
  createdBy: { id: "u1", email: "dev@example.com" },
  createdAt: daysAgo(10),
  projectEnvironmentId: "env1",
  ...fields,
});

/** The answers of a well-behaved Dynamic: list, create, and `GET /tokens/me` (404 unless `me` is given). */
export const dynamicLike =
  (state: {
    tokens: Record<string, unknown>[];
    me?: Record<string, unknown>;
    created?: Record<string, unknown>;
  }): Handler =>
  (req) => {
    if (req.authorization !== `Bearer ${SECRET}`) return { status: 401, body: { error: "Invalid token" } };
    const path = req.url.replace(/\?.*$/, "");
    if (req.method === "GET" && /^\/api\/v0\/environments\/[^/]+\/tokens$/.test(path))
      return { body: { tokens: state.tokens } };
    if (req.method === "POST" && /^\/api\/v0\/environments\/[^/]+\/tokens$/.test(path)) {
      const asked = JSON.parse(req.body) as { note: string; scopes: string[] };
      return {
        body: {
          token: {
            id: "t-new",
            rawToken: "dyn_NewSecretZYXWVUT9876543210zyxwvutSRQPON",
            checksum: "SRQPON",
            createdBy: { id: "u1" },
            createdAt: new Date(NOW).toISOString(),
            active: true,
            note: asked.note,
            scopes: asked.scopes,
            ...state.created,
          },
        },
      };
    }
    if (req.method === "GET" && path === "/api/v0/tokens/me")
      return state.me ? { body: state.me } : { status: 404, body: { error: "Not found", code: "not_found" } };
    return { status: 404, body: { error: "Not found", code: "not_found" } };
  };
