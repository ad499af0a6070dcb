// Every setting the project reads from its environment, at build time and at run time, read and
// checked in this one file and passed on from here. Every setting has a default, so `npm start` works
// with no configuration at all. Nothing else in src/, scripts/ or astro.config.mjs reads process.env
// or import.meta.env (the linter enforces it).
import { isSendTime } from './domain/newsletter/send-time.ts';
import { withTrailingSlash } from './domain/urls.ts';

export interface AppConfig {
  /** TCP port the production server listens on. */
  port: number;
  /** Interface the production server binds to; loopback unless told otherwise. */
  host: string;
  /** Folder for the SQLite database, the generated secret and file-mode outgoing mail. */
  dataDir: string;
  /** SMTP connection URL (smtp:// or smtps://); when empty, mail is written as .eml files instead. */
  smtpUrl: string;
  /** Public origin of the site; links in emails and the HSTS decision are built from it. */
  siteUrl: string;
  /** Key for unsubscribe-link signatures; generated into DATA_DIR/secret when unset. */
  newsletterSecret: string;
  /** Signup requests one client address may make per minute. */
  rateLimitIpPerMinute: number;
  /** Signup requests one email address may receive per hour. */
  rateLimitEmailPerHour: number;
  /** Proxy hops to trust in X-Forwarded-For (0: ignore the header, use the socket address). */
  trustProxy: number;
  /** Sender of newsletter mail, as a From header value. */
  mailFrom: string;
  /** External provider endpoint for the signup form; when set the form posts there, not to our API. */
  publicNewsletterAction: string;
  /** First delay before an outbox retry; each further failure doubles it. */
  outboxRetryBaseMs: number;
  /** Longest delay between two outbox retries. */
  outboxRetryMaxMs: number;
  /** Largest request body the server accepts at all (the signup endpoint itself stops at 8 kB). */
  maxBodyBytes: number;
  /** The build the server serves; tests serve a copy while another build rewrites dist/. */
  distDir: string;
  /** Daily send time of the briefing, HH:MM in newsletterTimeZone. */
  newsletterSendTime: string;
  /** IANA time zone of the send time (and of "today" for the scheduler). */
  newsletterTimeZone: string;
  /** Whether the server starts issues on schedule (NEWSLETTER_SCHEDULER=off turns it off). */
  newsletterScheduler: boolean;
  /** Most issue emails sent per second; 0 lifts the cap. */
  newsletterRatePerSecond: number;
  /** Hours after its send time within which an issue may still start; later it is not sent unless forced. */
  newsletterSendWindowHours: number;
  /** How long a client may take to send a request's headers before it gets 408. */
  headersTimeoutMs: number;
  /** How long a client may take to send a whole request (headers and body). */
  requestTimeoutMs: number;
  /** Most connections the server holds open at once; further ones are closed at once. */
  maxConnections: number;
}

export type Env = Record<string, string | undefined>;

function text(env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim();
  return value ? value : fallback;
}

function whole(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  // A typo in a limit must stop the server rather than silently disable protection.
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number of at least ${min}; got "${raw}".`);
  }
  return value;
}

function sendTime(env: Env): string {
  const value = text(env, 'NEWSLETTER_SEND_TIME', '07:00');
  if (!isSendTime(value)) throw new Error(`NEWSLETTER_SEND_TIME must be a 24-hour time such as 07:00; got "${value}".`);
  return value;
}

/**
 * Zones already found valid. Building an Intl.DateTimeFormat to check one is the dearest step of
 * reading the configuration, and components read it on every page they render (the build profile in
 * docs/benchmarks.md).
 */
const validTimeZones = new Set<string>();

function timeZone(env: Env): string {
  const value = text(env, 'NEWSLETTER_TIME_ZONE', 'Asia/Singapore');
  if (validTimeZones.has(value)) return value;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    throw new Error(`NEWSLETTER_TIME_ZONE must be an IANA time zone such as Asia/Singapore; got "${value}".`);
  }
  validTimeZones.add(value);
  return value;
}

function switchedOn(env: Env, name: string): boolean {
  const value = text(env, name, 'on').toLowerCase();
  if (['on', 'true', 'yes', '1'].includes(value)) return true;
  if (['off', 'false', 'no', '0'].includes(value)) return false;
  throw new Error(`${name} must be on or off; got "${value}".`);
}

function trustedHops(env: Env): number {
  const raw = env.TRUST_PROXY?.trim().toLowerCase();
  if (!raw || raw === 'false' || raw === 'no') return 0;
  if (raw === 'true' || raw === 'yes') return 1;
  return whole(env, 'TRUST_PROXY', 0, 0);
}

function siteOrigin(env: Env, port: number): string {
  const raw = text(env, 'SITE_URL', `http://localhost:${port}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://example.com; got "${raw}".`);
  }
  return url.origin;
}

/** Reads the configuration from an environment (process.env unless one is given). */
export function loadConfig(env: Env = process.env): AppConfig {
  const port = whole(env, 'PORT', 4321, 1);
  return {
    port,
    host: text(env, 'HOST', '127.0.0.1'),
    dataDir: text(env, 'DATA_DIR', './var'),
    smtpUrl: text(env, 'SMTP_URL', ''),
    siteUrl: siteOrigin(env, port),
    newsletterSecret: text(env, 'NEWSLETTER_SECRET', ''),
    rateLimitIpPerMinute: whole(env, 'RATE_LIMIT_IP_PER_MINUTE', 5, 1),
    rateLimitEmailPerHour: whole(env, 'RATE_LIMIT_EMAIL_PER_HOUR', 3, 1),
    trustProxy: trustedHops(env),
    mailFrom: text(env, 'MAIL_FROM', 'The Follow-Through <newsletter@localhost>'),
    publicNewsletterAction: text(env, 'PUBLIC_NEWSLETTER_ACTION', ''),
    outboxRetryBaseMs: whole(env, 'OUTBOX_RETRY_BASE_MS', 2_000, 1),
    outboxRetryMaxMs: whole(env, 'OUTBOX_RETRY_MAX_MS', 10 * 60_000, 1),
    maxBodyBytes: whole(env, 'MAX_BODY_BYTES', 16 * 1024, 1024),
    distDir: text(env, 'DIST_DIR', './dist'),
    newsletterSendTime: sendTime(env),
    newsletterTimeZone: timeZone(env),
    newsletterScheduler: switchedOn(env, 'NEWSLETTER_SCHEDULER'),
    newsletterRatePerSecond: whole(env, 'NEWSLETTER_RATE_PER_SECOND', 50, 0),
    newsletterSendWindowHours: whole(env, 'NEWSLETTER_SEND_WINDOW_HOURS', 6, 1),
    headersTimeoutMs: whole(env, 'HEADERS_TIMEOUT_MS', 10_000, 100),
    requestTimeoutMs: whole(env, 'REQUEST_TIMEOUT_MS', 30_000, 100),
    maxConnections: whole(env, 'MAX_CONNECTIONS', 1_000, 1),
  };
}

/** Settings only the build reads: where content comes from and what the pages say about the site. */
export interface BuildConfig {
  /** Public origin (SITE_URL): canonical URLs, the sitemap, RSS and email links. */
  siteUrl: string;
  /** Where the content collections are read from; the benchmark points it at a generated corpus. */
  contentDir: string;
  /**
   * Astro's cache folder, relative to the project root unless absolute (ASTRO_CACHE_DIR, so a second
   * build, tests or the benchmark, need not share this one's; else Astro's own default). The steps after
   * Astro keep their caches in it too: search indexes and social cards.
   */
  cacheDir: string;
  /** A JSON feed of extra roles, read at build time. */
  jobsFeedUrl: string | undefined;
  /** Where recruiters write; empty means jobs@ the site's own domain. */
  jobsContactEmail: string;
  /** External provider endpoint the signup form posts to instead of our API. */
  publicNewsletterAction: string;
  /** The same body limit the server applies, handed to Astro's adapter. */
  maxBodyBytes: number;
  /**
   * TEST_FIXTURES=1: also build the pages only the tests need (tests/fixtures/articles, such as the
   * search-escaping article). Set by `npm test`'s build stage and by Playwright's setup; `npm start` never is.
   */
  testFixtures: boolean;
  /** Newest articles in the recent search index, the one a reader's first query loads (SEARCH_RECENT_ARTICLES). */
  searchRecentArticles: number;
  /** Most articles in one archive search index (SEARCH_ARCHIVE_ARTICLES). */
  searchArchiveArticles: number;
}

/** Where test-only articles live; read only when `testFixtures` is on. */
export const ARTICLE_FIXTURES_DIR = 'tests/fixtures/articles';

/**
 * Where the articles collection finds its files: the editors' folder, plus the test fixtures when the
 * build asks for them. With fixtures the base is the project root (one glob loader takes one base), so
 * the content folder must be given relative to it, as CONTENT_DIR always is.
 */
export function articleFiles(config: Pick<BuildConfig, 'contentDir' | 'testFixtures'>): {
  base: string;
  pattern: string | string[];
} {
  if (!config.testFixtures) return { base: `${config.contentDir}/articles`, pattern: '**/*.mdx' };
  const contentDir = config.contentDir.replace(/^\.\//, '').replace(/\/$/, '');
  return { base: '.', pattern: [`${contentDir}/articles/**/*.mdx`, `${ARTICLE_FIXTURES_DIR}/**/*.mdx`] };
}

export function loadBuildConfig(env: Env = process.env): BuildConfig {
  const { siteUrl, publicNewsletterAction, maxBodyBytes } = loadConfig(env);
  const testFixtures = text(env, 'TEST_FIXTURES', '') !== '' && switchedOn(env, 'TEST_FIXTURES');
  return {
    siteUrl,
    contentDir: text(env, 'CONTENT_DIR', './content'),
    cacheDir: text(env, 'ASTRO_CACHE_DIR', '') || 'node_modules/.astro',
    jobsFeedUrl: text(env, 'JOBS_FEED_URL', '') || undefined,
    jobsContactEmail: text(env, 'JOBS_CONTACT_EMAIL', ''),
    publicNewsletterAction,
    maxBodyBytes,
    testFixtures,
    // The tests' site (16 articles) gets tiny shards, so the browser tests see a recent index and two
    // archives holding the four oldest articles. Pagefind weighs a word by how rare it is in each index,
    // so an index of a few pages ranks its pages oddly; the recent size keeps the articles the search
    // quality tests look for (search.md) in the recent index, and the archives to the fewest pages.
    searchRecentArticles: whole(env, 'SEARCH_RECENT_ARTICLES', testFixtures ? 12 : 1_000, 1),
    searchArchiveArticles: whole(env, 'SEARCH_ARCHIVE_ARTICLES', testFixtures ? 2 : 2_500, 1),
  };
}

/** Settings of the developer tools in scripts/: tests, Lighthouse and the benchmark. */
export interface ToolConfig {
  /** A Chromium to drive; empty means look in the usual places. */
  chromePath: string;
  /** Lowest Lighthouse score that passes. */
  lighthouseMin: number;
  /** Print every audit that is not perfect. */
  lighthouseVerbose: boolean;
  /** The lock the project's builds share; empty skips locking. */
  buildLock: string;
  /** Port of the server the Playwright run shares (E2E_PORT); parallel checkouts each pick their own. */
  e2ePort: number;
  /** Data folder of that server (E2E_DATA_DIR); empty means a fresh one, removed after the run. */
  e2eDataDir: string;
  /** Running under CI (CI set): terser test output. */
  ci: boolean;
}

export function loadToolConfig(env: Env = process.env): ToolConfig {
  return {
    chromePath: text(env, 'CHROME_PATH', ''),
    lighthouseMin: whole(env, 'LIGHTHOUSE_MIN', 100, 0),
    lighthouseVerbose: text(env, 'LIGHTHOUSE_VERBOSE', '') !== '',
    buildLock: env.BENCH_BUILD_LOCK ?? '/tmp/build.lock',
    e2ePort: whole(env, 'E2E_PORT', 4391, 1),
    e2eDataDir: text(env, 'E2E_DATA_DIR', ''),
    ci: text(env, 'CI', '') !== '',
  };
}

/**
 * The environment a script hands to a process it starts (the server, a build, a browser), with the
 * settings that run needs on top. Scripts pass settings on this way rather than reading them.
 */
export function childEnvironment(overrides: Env = {}, env: Env = process.env): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...env, ...overrides })) if (value !== undefined) merged[name] = value;
  return merged;
}

// What Vite fixes while it builds pages and browser code. The server and the CLIs import this file
// under plain Node, where import.meta.env does not exist, hence the empty fallback.
const viteEnv: Partial<ImportMetaEnv> = import.meta.env ?? {};

/** The path the site is served under, always with its trailing slash: `/` or `/careers/`. */
export const basePath: string = withTrailingSlash(viteEnv.BASE_URL ?? '/');

/** True while Astro's dev server builds pages (drafts are shown, messages speak to the developer). */
export const isDevelopment: boolean = viteEnv.MODE === 'development';
