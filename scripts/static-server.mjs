// A tiny static file server for the built app, mounted under a sub-path.
//
// Why a sub-path: the app is meant to be dropped into any folder of a site (a course
// page, a blog), so the browser tests load it from /course/hintscope/ — an absolute
// asset URL anywhere in the build would 404 here and fail the tests.
// Why not `vite preview`: it serves from the root and forgives paths we want to catch.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

export const MOUNT = '/course/hintscope/';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', // module workers refuse anything else
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm', // required by WebAssembly.instantiateStreaming
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Maps a URL path under MOUNT to a file inside root, or undefined (outside, or escaping root). */
function toFile(root, urlPath) {
  if (!urlPath.startsWith(MOUNT)) return undefined;
  let rel;
  try {
    rel = decodeURIComponent(urlPath.slice(MOUNT.length));
  } catch {
    return undefined;
  }
  const file = resolve(root, rel || 'index.html');
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

async function respond(root, req, res) {
  const urlPath = new URL(req.url ?? '/', 'http://x').pathname;
  const send = (status, type, body) => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, MIME['.txt'], 'method not allowed\n');
  // Relative asset URLs only resolve against the folder when it ends in '/'.
  if (urlPath === MOUNT.slice(0, -1)) {
    res.writeHead(301, { Location: MOUNT });
    return res.end();
  }
  // The browser asks for the site root's favicon on its own; on a real site under a
  // sub-path that file is the host's, not ours, so answer "no content" rather than 404.
  if (urlPath === '/favicon.ico') return send(204, MIME['.ico'], '');
  let file = toFile(root, urlPath);
  if (file && (await stat(file).catch(() => undefined))?.isDirectory()) file = join(file, 'index.html');
  const body = file && (await readFile(file).catch(() => undefined));
  if (!body) return send(404, MIME['.txt'], `not found: ${urlPath}\n`);
  send(200, MIME[extname(file).toLowerCase()] ?? 'application/octet-stream', body);
}

/** Serves `root` on 127.0.0.1 at a free port. Resolves to { url, close }. */
export async function serveStatic(root) {
  const absRoot = resolve(root);
  const server = createServer((req, res) => {
    respond(absRoot, req, res).catch((err) => {
      res.writeHead(500, { 'Content-Type': MIME['.txt'] });
      res.end(`${err}\n`);
    });
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok); // loopback only: nothing outside this machine sees it
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}${MOUNT}`,
    close: () => new Promise((ok) => {
      server.closeAllConnections?.(); // keep-alive sockets from Chromium would hold close() open
      server.close(() => ok(undefined));
    }),
  };
}
