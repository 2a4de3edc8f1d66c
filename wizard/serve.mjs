// Serves dist/wizard/ on 127.0.0.1 and prints the URL: `npm run wizard:serve` (PORT=… to choose the port).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
};

/** Starts a static server for `dir` on 127.0.0.1; port 0 picks a free one. Resolves to the server and its URL. */
export const serveWizard = (dir, port = 0) =>
  new Promise((resolve, reject) => {
    const server = createServer(async (req, res) => {
      try {
        const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
        const file = normalize(join(dir, path.endsWith("/") ? `${path}index.html` : path));
        // Only files inside dir, only GET and HEAD.
        if (!file.startsWith(join(dir, "/")) || (req.method !== "GET" && req.method !== "HEAD")) {
          res.writeHead(404).end();
          return;
        }
        const body = await readFile(file);
        res.writeHead(200, {
          "content-type": TYPES[extname(file)] ?? "application/octet-stream",
          "x-content-type-options": "nosniff",
          "cache-control": "no-cache",
        });
        res.end(req.method === "HEAD" ? undefined : body);
      } catch {
        res.writeHead(404).end();
      }
    });
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve({ server, url: `http://127.0.0.1:${address.port}/` });
    });
  });

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL("../dist/wizard", import.meta.url));
  const wanted = Number(process.env.PORT ?? 4173);
  const { url } = await serveWizard(dir, wanted).catch((error) =>
    error.code === "EADDRINUSE" ? serveWizard(dir, 0) : Promise.reject(error),
  );
  console.log(`token wizard: ${url}  (Ctrl-C to stop)`);
}
