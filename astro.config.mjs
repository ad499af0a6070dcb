// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import node from '@astrojs/node';
import tailwindcss from '@tailwindcss/vite';
import pagefindSearch from './src/integrations/pagefind/index.ts';
import onIntent from './src/integrations/on-intent.ts';
import newsletterEmail from './src/integrations/newsletter-email/index.ts';
import socialCards from './src/integrations/social-cards/index.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadBuildConfig } from './src/config.ts';

const config = loadBuildConfig();

/**
 * Astro 7 on Vite 8 warns once per MDX file that its "use astro:head-inject" directive may not be
 * preserved. It is harmless and would bury real warnings, so this plugin drops that one log only.
 * @type {import('vite').Plugin}
 */
const quietHeadInjectDirective = {
  name: 'quiet-head-inject-directive',
  onLog(_level, log) {
    if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return false;
  },
};

/**
 * Pages worth a search engine's visit: not API routes or the one-time newsletter pages, and not the combined
 * location-and-function job views (they are noindex; the single filters cover them).
 * @param {string} page
 */
function inSitemap(page) {
  if (page.includes('/api/')) return false;
  if (/\/newsletter\/(confirm|unsubscribe|preferences|check-your-inbox)\//.test(page)) return false;
  // An issue's email rendering: turned into dist/newsletter/<date>.json and removed from the site.
  if (/\/newsletter\/\d{4}-\d{2}-\d{2}\/email\//.test(page)) return false;
  return !/\/jobs\/location\/[^/]+\/function\//.test(page);
}

// Astro hashes the scripts it bundles, not inline ones: the theme script runs inline before paint,
// so its hash is added to the policy from the same file the component inlines.
const themeScript = readFileSync(new URL('./src/client/theme-before-paint.js', import.meta.url), 'utf8');
const themeScriptHash = /** @type {`sha256-${string}`} */ (
  `sha256-${createHash('sha256').update(themeScript).digest('base64')}`
);

export default defineConfig({
  // The public address: canonical URLs, the sitemap and RSS are built from it.
  site: config.siteUrl,
  // A separate cache lets a second build (tests, the benchmark) run on other content without clobbering this one.
  cacheDir: config.cacheDir,
  trailingSlash: 'always',
  // Content pages are prerendered; only routes that say `prerender = false` run on the server.
  output: 'static',
  adapter: node({
    // Middleware mode: scripts/server.ts owns the HTTP server, so every response gets our headers.
    mode: 'middleware',
    // Writes each static page's CSP into dist so the server can send it as a header.
    staticHeaders: true,
    // The adapter's default is 1 GB; our largest legitimate body is a signup form.
    bodySizeLimit: config.maxBodyBytes,
  }),
  // newsletterEmail removes the issues' email pages in astro:build:done; the search index is built after Astro exits.
  integrations: [
    // Static parts of an article compile to HTML strings instead of one JSX call per element, which
    // lowers Astro's peak while Rolldown bundles thousands of articles (docs/benchmarks.md); the pages
    // are the same (only apostrophes in code blocks are written as ' rather than &#39;). Our MDX
    // components are named ones (EditorNote...), which optimize leaves as components.
    mdx({ optimize: true }),
    // Our Preact components are the .tsx files. Without `include`, the integration runs Babel over every
    // module of ours, .ts included, to find JSX: about 1.5 s of a 1,000-article build's CPU (docs/benchmarks.md).
    preact({ include: ['**/*.tsx'] }),
    newsletterEmail(),
    socialCards(),
    pagefindSearch(),
    onIntent(),
    sitemap({ filter: inSitemap }),
  ],
  security: {
    checkOrigin: true,
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-src 'none'",
        "worker-src 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [themeScriptHash] },
    },
  },
  // Shiki colours code with inline styles, which the CSP forbids; our code blocks are plain templates.
  markdown: { syntaxHighlight: false },
  prefetch: false,
  // A rebuild copies each page whose data (getStaticPaths' cacheKey, src/data/page-cache-key.ts), code
  // and rendered content are unchanged, from the cache folder, instead of rendering it again: after
  // one new article, most article pages (docs/benchmarks.md). A changed config, lockfile or code
  // renders everything again.
  experimental: { incrementalBuild: true },
  vite: {
    plugins: [tailwindcss(), quietHeadInjectDirective],
  },
});
