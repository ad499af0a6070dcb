// The production server behind `npm start`: static files from dist/client, everything else through
// Astro's request handler (the on-demand newsletter routes). Every response, static or not, leaves
// with the security headers; request bodies are capped before anything reads them; the newsletter
// outbox sender starts with the server and is drained on shutdown. Loopback by default. The pieces
// live in src/server/http/; this file reads the configuration, wires them and owns the process.
import type { RequestListener } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { createHttpServer } from '../src/server/http/http-server.ts';
import { redactProcessOutput } from '../src/server/http/log-redaction.ts';
import { createPolicies } from '../src/server/http/content-security-policy.ts';
import { followBuild } from '../src/server/http/followed-build.ts';
import { createRequestListener, type AstroHandler } from '../src/server/http/request-handler.ts';
import { createSecureResponse } from '../src/server/http/security-headers.ts';
import { createStaticFiles } from '../src/server/http/static-files.ts';
import { closeNewsletterRuntime, newsletterRuntime } from '../src/server/newsletter/runtime.ts';
import { builtSiteFolder } from './support/project.ts';

// Before anything can log: no query string (tokens, signatures) reaches the output, whoever writes it.
redactProcessOutput();
const config = loadConfig();
// DIST_DIR lets tests serve a copy of a build while another build rewrites dist/.
const dist = builtSiteFolder(config.distDir);

/** Everything that belongs to one build: its files, its pages' policies and its on-demand routes. */
async function openBuild(folder: string): Promise<RequestListener> {
  const clientDir = join(folder, 'client');
  const { handler } = (await import(pathToFileURL(join(folder, 'server', 'entry.mjs')).href)) as {
    handler: AstroHandler;
  };
  const policies = createPolicies({ dist: folder, publicNewsletterAction: config.publicNewsletterAction });
  return createRequestListener({
    clientDir,
    staticFiles: createStaticFiles(clientDir),
    policies,
    secureResponse: createSecureResponse({ siteUrl: config.siteUrl, policies }),
    astroHandler: handler,
    maxBodyBytes: config.maxBodyBytes,
  });
}

// A rebuild switches dist/ to a new folder in one step; every request is answered by the build dist/
// points at when it arrives (see src/server/http/followed-build.ts).
const currentBuild = followBuild(dist, openBuild, (folder, error) =>
  console.error(`Could not open the build in ${folder}; still serving the previous one:`, error),
);
await currentBuild();

const server = createHttpServer(
  (req, res) => {
    currentBuild().then(
      (listener) => listener(req, res),
      () => res.writeHead(503, { 'Retry-After': '5' }).end(),
    );
  },
  // Slow clients may not hold connections open indefinitely, nor may any number of them.
  {
    headersTimeoutMs: config.headersTimeoutMs,
    requestTimeoutMs: config.requestTimeoutMs,
    maxConnections: config.maxConnections,
  },
);

// Opening the newsletter runtime starts the outbox sender, so mail queued before a crash goes out now.
newsletterRuntime(config);

server.listen(config.port, config.host, () => {
  console.log(
    `Serving on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/ (data in ${config.dataDir})`,
  );
});

// ---- Graceful shutdown ------------------------------------------------------------------------
let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing requests in flight, then stopping.`);
  const force = setTimeout(() => server.closeAllConnections(), 10_000);
  force.unref();
  await new Promise<void>((done) => {
    server.close(() => done());
    server.closeIdleConnections();
  });
  // Waits for the email being sent, if any, then closes the database.
  await closeNewsletterRuntime();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(signal));
