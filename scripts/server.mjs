// @ts-check
// The production server behind `npm start`: static files from dist/client, everything else through
// Astro's request handler (the on-demand newsletter routes). Every response, static or not, leaves
// with the security headers; request bodies are capped before anything reads them; the newsletter
// outbox sender starts with the server and is drained on shutdown. Loopback by default.
import { createHash } from 'node:crypto';
import http from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadConfig } from '../src/lib/config.ts';
import { closeNewsletterRuntime, newsletterRuntime } from '../src/lib/newsletter/runtime.ts';

const config = loadConfig();
// DIST_DIR lets tests serve a copy of a build while another build rewrites dist/.
const dist = resolve(process.env.DIST_DIR ?? fileURLToPath(new URL('../dist/', import.meta.url)));
const root = join(dist, 'client');
const { handler } = await import(pathToFileURL(join(dist, 'server', 'entry.mjs')).href);

const types = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json', '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.webp': 'image/webp', '.avif': 'image/avif', '.woff2': 'font/woff2', '.ico': 'image/x-icon',
  '.wasm': 'application/wasm', '.pf_meta': 'application/octet-stream', '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream', '.pf_filter': 'application/octet-stream', '.ics': 'text/calendar',
};

// ---- Content-Security-Policy ------------------------------------------------------------------
// Astro (security.csp with the adapter's staticHeaders) writes each prerendered page's policy, with
// the hashes of that page's scripts and styles, to dist/_headers.json instead of a <meta> tag; it
// puts the policy of on-demand pages on their responses itself. This server sends the former and
// adds to both what only a header can say: frame-ancestors.

/** Page path without its trailing slash, the key both for _headers.json entries and lookups. */
const pageKey = (pathname) => (pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname);

function withDirective(policy, name, value) {
  const directives = policy.split(';').map((d) => d.trim()).filter(Boolean);
  const index = directives.findIndex((d) => d.split(/\s+/)[0] === name);
  if (index < 0) directives.push(`${name} ${value}`);
  else if (name === 'form-action' && !directives[index].includes(value)) directives[index] += ` ${value}`;
  return directives.join('; ');
}

function finishPolicy(policy) {
  let result = withDirective(policy, 'frame-ancestors', "'none'");
  // An external signup provider (PUBLIC_NEWSLETTER_ACTION) must be a permitted form target.
  if (config.publicNewsletterAction) result = withDirective(result, 'form-action', new URL(config.publicNewsletterAction).origin);
  const directives = result.split(';').map((d) => d.trim());
  const scripts = directives.find((d) => d.startsWith('script-src ')) ?? directives.find((d) => d.startsWith('default-src '));
  if (scripts && /'unsafe-(inline|eval)'/.test(scripts)) throw new Error(`Refusing a script policy with unsafe-inline or unsafe-eval: ${scripts}`);
  return result;
}

function readPagePolicies() {
  const file = join(dist, '_headers.json');
  const policies = new Map();
  if (!existsSync(file)) return policies;
  for (const entry of JSON.parse(readFileSync(file, 'utf8'))) {
    const csp = entry.headers.find((h) => h.key.toLowerCase() === 'content-security-policy');
    if (csp) policies.set(pageKey(entry.pathname), finishPolicy(csp.value));
  }
  return policies;
}

const pagePolicies = readPagePolicies();
// Anything without a policy of its own (non-HTML files, workers, redirects) gets the site's
// directives without any page's hashes: no inline script or style can run under it.
const fallbackPolicy = finishPolicy(
  (pagePolicies.get('/') ?? "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; script-src 'self'; style-src 'self'")
    .replace(/\s'sha(256|384|512)-[^']+'/g, ''),
);

// Astro hashes the scripts it bundles, not `is:inline` ones (the theme script in the layout), so
// the hashes of the inline scripts actually present in the built HTML are added to script-src.
// They were written at build time; nothing a request sends can add one.
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g;
function inlineScriptHashes(html) {
  const hashes = [];
  for (const [, attributes, code] of html.matchAll(INLINE_SCRIPT)) {
    const type = /\stype="([^"]*)"/.exec(attributes)?.[1];
    if (type && type !== 'module' && type !== 'text/javascript') continue;
    hashes.push(`'sha256-${createHash('sha256').update(code).digest('base64')}'`);
  }
  return hashes;
}

function withScriptHashes(policy, hashes) {
  return policy
    .split(';')
    .map((d) => {
      const directive = d.trim();
      if (!directive.startsWith('script-src ')) return directive;
      return [directive, ...hashes.filter((hash) => !directive.includes(hash))].join(' ');
    })
    .join('; ');
}

/** The layout's inline scripts, which on-demand pages carry as well. */
const layoutScriptHashes = existsSync(join(root, '404.html')) ? inlineScriptHashes(readFileSync(join(root, '404.html'), 'utf8')) : [];
const filePolicies = new Map();
function policyForHtmlFile(file, page) {
  const { mtimeMs } = statSync(file);
  const cached = filePolicies.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.policy;
  const policy = withScriptHashes(pagePolicies.get(page) ?? fallbackPolicy, inlineScriptHashes(readFileSync(file, 'utf8')));
  filePolicies.set(file, { mtimeMs, policy });
  return policy;
}

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
    res.setHeader('Content-Security-Policy', own ? withScriptHashes(finishPolicy(String(own)), layoutScriptHashes) : policyFor());
    return typeof rest[0] === 'string' ? writeHead.call(res, statusCode, rest[0]) : writeHead.call(res, statusCode);
  };
}

// ---- Static files -----------------------------------------------------------------------------
function staticFile(pathname) {
  let rel;
  try { rel = normalize(decodeURIComponent(pathname)); } catch { return undefined; }
  const file = join(root, rel);
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  if (existsSync(index)) return index;
  return undefined;
}

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
  res.writeHead(200, {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': url.pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
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
  let policy = () => fallbackPolicy;
  secureResponse(res, () => policy());

  const file = req.method === 'GET' || req.method === 'HEAD' ? staticFile(url.pathname) : undefined;
  if (file) {
    if (file.endsWith('.html')) policy = () => policyForHtmlFile(file, pageOfFile(file));
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
    policy = () => policyForHtmlFile(notFound, '/404');
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
    createReadStream(notFound).pipe(res);
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
