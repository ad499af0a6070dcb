// How the production server answers a request: a file of the build when one matches, otherwise
// Astro's request handler (the on-demand newsletter routes) with the body already read and capped,
// and the built 404 page when no route matches. Every answer passes through secureResponse.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { pageKey, type Policies } from './content-security-policy.ts';
import { methodsWithBody, readCappedBody, refuseLargeBody } from './request-body.ts';
import { onDemandHeaders, type SecureResponse } from './security-headers.ts';
import type { StaticFiles } from './static-files.ts';

/** The handler of @astrojs/node in middleware mode (dist/server/entry.mjs). */
export type AstroHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
  locals: Record<string, unknown>,
) => Promise<void>;

export interface RequestHandlerOptions {
  /** Absolute path of dist/client. */
  clientDir: string;
  staticFiles: StaticFiles;
  policies: Policies;
  secureResponse: SecureResponse;
  astroHandler: AstroHandler;
  maxBodyBytes: number;
}

const ONE_CLICK_UNSUBSCRIBE = '/newsletter/unsubscribe/';

// Methods that reach the site at all; routes refuse the ones they do not serve (allowed-methods.ts).
// Anything else (TRACE, TRACK, WebDAV verbs, made-up ones) gets 405 here: the fetch API that Astro's
// adapter builds requests with throws on some of them, which answered 500 with a logged stack trace.
const KNOWN_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const SITE_METHODS = 'GET, HEAD, POST';

/**
 * The request's path and query. An origin-form target ("/x") is read as a path even when it starts
 * with "//", which the URL parser would otherwise take for another host.
 */
function requestUrl(req: IncomingMessage): URL {
  const target = req.url ?? '/';
  return target.startsWith('/') ? new URL(`http://localhost${target}`) : new URL(target, 'http://localhost');
}

export function createRequestListener(options: RequestHandlerOptions): RequestListener {
  const { clientDir, staticFiles, policies, secureResponse, astroHandler, maxBodyBytes } = options;

  /** The page a built HTML file belongs to: advice/x/index.html is /advice/x, 404.html is /404. */
  function pageOfFile(file: string): string {
    const path = '/' + relative(clientDir, file).split(sep).join('/');
    return pageKey(path.replace(/(^|\/)index\.html$/, '/').replace(/\.html$/, ''));
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL, file: string): void {
    if (!url.pathname.endsWith('/') && !url.pathname.endsWith('/index.html') && file.endsWith('index.html')) {
      // Leading slashes collapse to one: "//host/x/" in a Location is a link to another host.
      res.writeHead(301, { Location: `/${url.pathname.replace(/^[/\\]+/, '')}/${url.search}` }).end();
      return;
    }
    staticFiles.send(req, res, file);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req);
    let policy = () => policies.fallback;
    secureResponse(res, () => policy());

    if (!KNOWN_METHODS.has(req.method ?? '')) {
      res
        .writeHead(405, { Allow: SITE_METHODS, 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Method Not Allowed\n');
      return;
    }

    const file = req.method === 'GET' || req.method === 'HEAD' ? staticFiles.find(url.pathname) : undefined;
    if (file) {
      if (file.endsWith('.html')) policy = () => policies.forPage(pageOfFile(file));
      return serveStatic(req, res, url, file);
    }

    if (methodsWithBody.has(req.method ?? '')) {
      const body = await readCappedBody(req, maxBodyBytes);
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

    for (const [name, value] of Object.entries(onDemandHeaders)) res.setHeader(name, value);
    // The socket address goes to the routes as a local, so only TRUST_PROXY decides about X-Forwarded-For.
    await astroHandler(
      req,
      res,
      () => {
        const notFound = join(clientDir, '404.html');
        policy = () => policies.forPage('/404');
        staticFiles.send(req, res, notFound, 404);
      },
      { socketAddress: req.socket.remoteAddress },
    );
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      // The path only: query strings carry confirmation tokens and unsubscribe signatures.
      console.error(`Could not answer ${req.method} ${(req.url ?? '').split('?')[0]}:`, error);
      if (!res.headersSent)
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal Server Error\n');
      else res.destroy();
    });
  };
}
