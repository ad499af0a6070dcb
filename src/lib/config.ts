// Runtime configuration, read from the environment in this one place and passed on from here.
// Every setting has a default, so `npm start` works with no configuration at all.

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
}

type Env = Record<string, string | undefined>;

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
  };
}
