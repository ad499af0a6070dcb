// Lets `astro dev` serve the last build's search index, so the search box works while writing. The
// index itself is built by `npm run build` after Astro has exited (search-indexes.ts).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withTrailingSlash } from '../../domain/urls.ts';
import { bundleFolder } from './bundle.ts';

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** The Pagefind integration for astro.config: `integrations: [pagefindSearch()]`. */
export default function pagefindSearch(): AstroIntegration {
  let clientDir = '';
  let base = '/';
  return {
    name: 'follow-through:pagefind',
    hooks: {
      'astro:config:done': ({ config, buildOutput }) => {
        // Static builds write pages to outDir; builds with on-demand routes write them to build.client.
        clientDir = fileURLToPath(buildOutput === 'server' ? config.build.client : config.outDir);
        base = withTrailingSlash(config.base);
      },

      'astro:server:setup': async ({ server, logger }) => {
        const bundleDir = path.join(clientDir, bundleFolder);
        const prefix = `${base}${bundleFolder}/`;
        const hasIndex = await stat(path.join(bundleDir, 'pagefind.js')).then(
          () => true,
          () => false,
        );
        logger.info(
          hasIndex
            ? `Search uses the index from the last build (${bundleDir}).`
            : 'No search index yet: search shows a notice until you run `npm run build`.',
        );
        // Pages in dev are not indexed on the fly, so the last build's bundle is the best there is.
        server.middlewares.use((req, res, next) => {
          const pathname = new URL(req.url ?? '/', 'http://dev.invalid').pathname;
          if (!pathname.startsWith(prefix)) return next();
          let file: string;
          try {
            file = path.resolve(bundleDir, decodeURIComponent(pathname.slice(prefix.length)));
          } catch {
            return next(); // a malformed %-escape names no file of ours
          }
          if (!file.startsWith(bundleDir + path.sep)) return next();
          readFile(file).then(
            (body) => {
              res.setHeader('Content-Type', contentTypes[path.extname(file)] ?? 'application/octet-stream');
              res.setHeader('Cache-Control', 'no-store');
              res.end(body);
            },
            () => next(),
          );
        });
      },
    },
  };
}
