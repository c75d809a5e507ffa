// The pages the widget is compared with, served from loopback: `@chatscope/chat-ui-kit-react`
// with React 19 (`/kit.html?messages=N`) and plain React `<li>` rows (`/plain.html?messages=N`),
// bundled at start with esbuild (minified, production React) from bench/chatscope/ (installed
// there by `npm ci`). Each page fetches `/thread/N.json`: the widget's own thread page shape,
// holding every message of the conversation the widget opens at that size.
//
// Caching as for the widget: the bundles are cacheable for a day (`private, max-age=86400`, what
// the Lightning-like page sends for the static resource); the page and the thread never are.
import { createRequire } from 'node:module';
import http from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const KIT_DIR = join(import.meta.dirname, '..', 'chatscope');
const STATIC_CACHE = 'private, max-age=86400';
const APPS = { kit: 'kit.jsx', plain: 'plain.jsx' };

/** The selectors the bench's page probe watches on each page. */
export const KIT_SELECTORS = {
  kit: { rootSelector: '.cs-main-container', messageSelector: '.cs-message' },
  plain: { rootSelector: 'ul.plain-thread', messageSelector: 'ul.plain-thread li' },
};

/** Bundles each app: { kit: { js, css }, plain: { js, css } } as strings. */
async function bundle() {
  const esbuild = createRequire(join(KIT_DIR, 'package.json'))('esbuild');
  const bundles = {};
  for (const [name, entry] of Object.entries(APPS)) {
    const result = await esbuild.build({
      absWorkingDir: KIT_DIR,
      entryPoints: [join('src', entry)],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl' },
      outdir: 'out',
      write: false,
      logLevel: 'error',
    });
    const file = (extension) => result.outputFiles.find((output) => output.path.endsWith(extension))?.text ?? '';
    bundles[name] = { js: file('.js'), css: file('.css') };
  }
  return bundles;
}

const page = (name) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${name} (bench)</title>
<link rel="stylesheet" href="/${name}.css">
<script type="module" src="/${name}.js"></script>
</head>
<body><div id="root"></div></body>
</html>
`;

/**
* Bundles the apps, then serves them on a free loopback port. `threads` maps a message count to
* the thread page (JSON-ready) served for it. Resolves to { origin, pageUrl(app, messages),
* payload: { kit, plain } (brotli bytes of js + css), close() }.
*/
export async function startKitServer({ threads }) {
  const bundles = await bundle();
  const bodies = new Map(Object.entries(threads).map(([messages, thread]) => [messages, Buffer.from(JSON.stringify(thread))]));
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://bench.invalid');
    const send = (status, type, body, cache = 'no-store') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': cache, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    const app = /^\/(kit|plain)\.(html|js|css)$/.exec(pathname);
    const thread = /^\/thread\/(\d+)\.json$/.exec(pathname);
    if (app && app[2] === 'html') return send(200, 'text/html; charset=utf-8', page(app[1]));
    if (app && app[2] === 'js') return send(200, 'text/javascript; charset=utf-8', bundles[app[1]].js, STATIC_CACHE);
    if (app && app[2] === 'css') return send(200, 'text/css; charset=utf-8', bundles[app[1]].css, STATIC_CACHE);
    if (thread && bodies.has(thread[1])) return send(200, 'application/json', bodies.get(thread[1]));
    if (pathname === '/favicon.ico') return send(204, 'text/plain', '');
    return send(404, 'text/plain', `not found: ${pathname}\n`);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const brotli = (text) => brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return {
    origin,
    pageUrl: (app, messages) => `${origin}/${app}.html?messages=${messages}`,
    payload: Object.fromEntries(Object.entries(bundles).map(([name, { js, css }]) => [name, brotli(js) + brotli(css)])),
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
