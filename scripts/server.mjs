// @ts-check
// The production server behind `npm start`: static files from dist/client, everything else through
// Astro's request handler (the on-demand newsletter routes). Every response, static or not, leaves
// with the security headers; request bodies are capped before anything reads them; the newsletter
// outbox sender starts with the server and is drained on shutdown. Loopback by default.
import http from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { createStaticFiles } from './server/static-files.mjs';
import { createPolicies, pageKey } from './server/content-security-policy.mjs';
import { closeNewsletterRuntime, newsletterRuntime } from '../src/server/newsletter/runtime.ts';

const config = loadConfig();
// DIST_DIR lets tests serve a copy of a build while another build rewrites dist/.
const dist = resolve(process.env.DIST_DIR ?? fileURLToPath(new URL('../dist/', import.meta.url)));
const root = join(dist, 'client');
const { handler } = await import(pathToFileURL(join(dist, 'server', 'entry.mjs')).href);

const staticFiles = createStaticFiles(root);

const policies = createPolicies({ dist, publicNewsletterAction: config.publicNewsletterAction });

// ---- Headers on every response --------------------------------------------------------------
const fixedHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  ...(config.siteUrl.startsWith('https:') ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
};

/**
 * Hooks writeHead, which every response goes through (Node's implicit header write calls it too),
 * so headers are completed whoever produced the response: this file or Astro.
 */
function secureResponse(res, policyFor) {
  const writeHead = res.writeHead;
  res.writeHead = function (statusCode, ...rest) {
    const headers = typeof rest[0] === 'string' ? rest[1] : rest[0];
    if (headers && !Array.isArray(headers)) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    for (const [name, value] of Object.entries(fixedHeaders)) res.setHeader(name, value);
    // Astro passes its Response's statusText, which is "OK" unless a route sets one.
    if (res.statusMessage === 'OK' && statusCode !== 200) res.statusMessage = http.STATUS_CODES[statusCode] ?? '';
    const own = res.getHeader('content-security-policy');
    res.setHeader('Content-Security-Policy', own ? policies.finish(String(own)) : policyFor());
    return typeof rest[0] === 'string' ? writeHead.call(res, statusCode, rest[0]) : writeHead.call(res, statusCode);
  };
}

// ---- Static files -----------------------------------------------------------------------------
/** The page a built HTML file belongs to: advice/x/index.html is /advice/x, 404.html is /404. */
function pageOfFile(file) {
  const path = '/' + relative(root, file).split(sep).join('/');
  return pageKey(path.replace(/(^|\/)index\.html$/, '/').replace(/\.html$/, ''));
}

function serveStatic(req, res, url, file) {
  if (!url.pathname.endsWith('/') && file.endsWith('index.html')) {
    res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
    return;
  }
  staticFiles.send(req, res, file);
}

// ---- Request bodies ---------------------------------------------------------------------------
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The whole body, or null as soon as it passes the cap (the adapter's own default is 1 GB). */
async function readCappedBody(req) {
  if (Number(req.headers['content-length'] ?? 0) > config.maxBodyBytes) return null;
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > config.maxBodyBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function refuseLargeBody(res, url) {
  const json = url.pathname.startsWith('/api/');
  res.writeHead(413, { 'Content-Type': json ? 'application/json' : 'text/plain; charset=utf-8', Connection: 'close' });
  res.end(json ? JSON.stringify({ errors: { email: 'That request was too large to read.' } }) : 'Request body too large.\n');
}

// ---- Routing ----------------------------------------------------------------------------------
const ONE_CLICK_UNSUBSCRIBE = '/newsletter/unsubscribe/';

async function handle(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  /** @type {() => string} */
  let policy = () => policies.fallback;
  secureResponse(res, () => policy());

  const file = req.method === 'GET' || req.method === 'HEAD' ? staticFiles.find(url.pathname) : undefined;
  if (file) {
    if (file.endsWith('.html')) policy = () => policies.forPage(pageOfFile(file));
    return serveStatic(req, res, url, file);
  }

  if (METHODS_WITH_BODY.has(req.method ?? '')) {
    const body = await readCappedBody(req);
    if (body === null) return refuseLargeBody(res, url);
    // The adapter reads req.body when it is set, instead of the (now consumed) stream.
    Object.assign(req, { body });
    // Routes are defined with a trailing slash; a POST cannot follow a redirect everywhere, so
    // /api/newsletter/subscribe is served as /api/newsletter/subscribe/.
    if (!url.pathname.endsWith('/') && !extname(url.pathname)) req.url = `${url.pathname}/${url.search}`;
    // RFC 8058 one-click: mail providers POST the List-Unsubscribe URL from their servers, with no
    // Origin header, which Astro's checkOrigin would refuse. The link's HMAC signature is what
    // authorises that request, so it counts as same-origin. A POST that names another origin is
    // still refused by Astro.
    if (req.method === 'POST' && pageKey(url.pathname) === pageKey(ONE_CLICK_UNSUBSCRIBE) && !req.headers.origin) {
      req.headers.origin = `${'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http'}://${req.headers.host}`;
    }
  }

  // The socket address goes to the routes as a local, so only TRUST_PROXY decides about X-Forwarded-For.
  await handler(req, res, () => {
    const notFound = join(root, '404.html');
    policy = () => policies.forPage('/404');
    staticFiles.send(req, res, notFound, 404);
  }, { socketAddress: req.socket.remoteAddress });
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((error) => {
    // The path only: query strings carry confirmation tokens and unsubscribe signatures.
    console.error(`Could not answer ${req.method} ${(req.url ?? '').split('?')[0]}:`, error);
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal Server Error\n');
    else res.destroy();
  });
});
// Slow clients may not hold connections open indefinitely.
server.headersTimeout = 10_000;
server.requestTimeout = 30_000;

// Opening the newsletter runtime starts the outbox sender, so mail queued before a crash goes out now.
newsletterRuntime(config);

server.listen(config.port, config.host, () => {
  console.log(`Serving on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/ (data in ${config.dataDir})`);
});

// ---- Graceful shutdown ------------------------------------------------------------------------
let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing requests in flight, then stopping.`);
  const force = setTimeout(() => server.closeAllConnections(), 10_000);
  force.unref();
  await new Promise((done) => {
    server.close(() => done(undefined));
    server.closeIdleConnections();
  });
  // Waits for the email being sent, if any, then closes the database.
  await closeNewsletterRuntime();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void shutdown(signal));
