// A plain static file server for a built site under a sub-path (as GitHub Pages or any static host
// would serve it): `node scripts/serve-static.mjs --dir dist-site --prefix /event-lab/ --port 4175`.
// The newcomer sweep, the offline test and the embed test open the production build through it, so
// they see what a visitor of a deployed site sees (relative asset paths, a service worker in scope).
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Starts a server for `dir` at `prefix` (ending in '/'); resolves to the server once it listens. */
export function serveStatic({ dir, prefix = '/', port = 0, host = '127.0.0.1' }) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === prefix.slice(0, -1)) {
      res.writeHead(301, { location: prefix });
      return res.end();
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403);
      return res.end();
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    // Like a typical static host: HTML and the service worker are revalidated, hashed assets are not.
    const cache = /\/assets\//.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const prefix = arg('prefix', '/');
  const server = await serveStatic({
    dir: arg('dir', 'dist'),
    prefix: prefix.endsWith('/') ? prefix : `${prefix}/`,
    port: Number(arg('port', '4175')),
    host: arg('host', '127.0.0.1'),
  });
  const { port } = server.address();
  console.log(`serving ${arg('dir', 'dist')} at http://127.0.0.1:${port}${prefix}`);
}
