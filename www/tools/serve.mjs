// A tiny static file server for the built site (dist/ by default): correct MIME types (including
// application/wasm), a Content-Security-Policy header, no directory listings, no path escapes.
//   node www/tools/serve.mjs [DIR]        PORT (default 8080) and HOST (default 127.0.0.1) override
// Also imported by tests (`serveStatic(root, { port: 0 })`).

import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".webmanifest": "application/manifest+json",
  ".ts": "text/plain; charset=utf-8",
};

// Same policy as the page's meta tag: nothing but our own files, no inline script, WebAssembly
// compilation allowed, no network after load beyond our own origin.
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Serve `root` over HTTP. Resolves to the listening server once it accepts connections. */
export function serveStatic(root, { port = 8080, host = "127.0.0.1", csp = CSP, log = false } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") {
      return send(405, "method not allowed\n", { Allow: "GET, HEAD" });
    }
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      return send(400, "bad request\n");
    }
    if (rel.includes("\0")) return send(400, "bad request\n");
    let file = path.join(base, rel);
    if (file !== base && !file.startsWith(base + path.sep)) return send(403, "forbidden\n");
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        if (!rel.endsWith("/")) {
          return send(301, "", { Location: `${new URL(req.url, "http://x").pathname}/` });
        }
        file = path.join(file, "index.html");
        return fs.stat(file, (err2, st2) => respond(err2, st2));
      }
      respond(err, st);
    });
    function respond(err, st) {
      if (err || !st.isFile()) return send(404, "not found\n");
      const type = MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream";
      res.writeHead(200, {
        "Content-Type": type,
        "Content-Length": st.size,
        "Cache-Control": "no-cache",
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Opener-Policy": "same-origin",
      });
      if (req.method === "HEAD") return res.end();
      fs.createReadStream(file).on("error", () => res.destroy()).pipe(res);
      if (log) console.log(`${req.method} ${req.url} 200`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const root = path.resolve(
    process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), "../../dist"),
  );
  if (!fs.existsSync(root)) {
    console.error(`serve: ${root} does not exist; run npm run build first`);
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? "127.0.0.1";
  serveStatic(root, { port, host })
    .then((server) => {
      const { port: p } = server.address();
      const shown = host === "127.0.0.1" || host === "::1" || host === "0.0.0.0" ? "localhost" : host;
      console.log(`newsmark: serving ${path.relative(process.cwd(), root) || "."} at http://${shown}:${p}/ (Ctrl+C to stop)`);
    })
    .catch((e) => {
      console.error(`serve: cannot listen on ${host}:${port}: ${e.message}`);
      process.exit(1);
    });
}
