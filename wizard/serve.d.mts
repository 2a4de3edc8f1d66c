import type { Server } from "node:http";

/** Starts a static server for `dir` on 127.0.0.1; port 0 picks a free one. */
export declare const serveWizard: (dir: string, port?: number) => Promise<{ server: Server; url: string }>;
