// What the newsletter specs share: the production server with a real SMTP server on loopback
// (smtp-server), each test acting as its own client address, and reads of what the server stored.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../../../scripts/support/server.ts';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../../scripts/support/smtp-sink.ts';

export interface NewsletterRig {
  /** Set by the calling file's beforeAll, so read these inside tests, not at load time. */
  readonly server: RunningServer;
  readonly smtp: TestSmtpServer;
  /** The stored status of one address, or undefined when no row holds it. */
  subscriberStatus(email: string): string | undefined;
  /** Subscriber and outbox rows together, so a test can say a request wrote nothing. */
  rowCount(): number;
  mailsTo(email: string): ReceivedMail[];
}

/** Starts an SMTP server and a production server for the calling spec file, and stops both after it. */
export function useNewsletterRig(): NewsletterRig {
  let smtp!: TestSmtpServer;
  let server!: RunningServer;

  test.beforeAll(async () => {
    smtp = await startSmtpServer();
    // TRUST_PROXY lets each test act as its own client (X-Forwarded-For), so the per-address limit
    // of 5 a minute applies per test, as it would per reader.
    server = await startServer({ SMTP_URL: smtp.url, TRUST_PROXY: '1' });
  });

  test.afterAll(async () => {
    await server?.stop();
    await smtp?.stop();
  });

  function database(): DatabaseSync {
    return new DatabaseSync(join(server.dataDir, 'newsletter.sqlite'), { readOnly: true, timeout: 5_000 });
  }

  return {
    get server() {
      return server;
    },
    get smtp() {
      return smtp;
    },
    subscriberStatus(email: string): string | undefined {
      const db = database();
      try {
        return (
          db.prepare('SELECT status FROM subscribers WHERE email = ?').get(email) as { status: string } | undefined
        )?.status;
      } finally {
        db.close();
      }
    },
    rowCount: () => rowCount(server.dataDir),
    mailsTo(email: string): ReceivedMail[] {
      return smtp.messages.filter((mail) => mail.to.includes(email));
    },
  };
}

/** A fresh client (its own IPv6 /64, which the limiter counts as one) and mailbox for one test. */
/** Subscribers plus outbox rows in the server's database: a refused input must leave it unchanged. */
export function rowCount(dataDir: string): number {
  const db = new DatabaseSync(join(dataDir, 'newsletter.sqlite'), { readOnly: true, timeout: 5_000 });
  try {
    const row = db.prepare('SELECT (SELECT COUNT(*) FROM subscribers) + (SELECT COUNT(*) FROM outbox) AS n').get();
    return Number((row as { n: number }).n);
  } finally {
    db.close();
  }
}

export function reader() {
  const id = randomUUID();
  return { ip: `2001:db8:${id.slice(0, 4)}:${id.slice(4, 8)}::1`, email: `reader-${id.slice(9, 18)}@example.com` };
}

export async function openPage(browser: Browser, ip: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { 'X-Forwarded-For': ip } });
  return context.newPage();
}

export async function fillForm(page: Page, email: string, consent = true) {
  await page.getByLabel('Email address').fill(email);
  if (consent) await page.getByLabel('Send me the daily newsletter').check();
}

/** The enhancement loads when the form is first focused; a click before that posts natively. */
export async function waitForEnhancement(page: Page) {
  await expect(page.locator('form[data-newsletter-form]')).toHaveAttribute('data-enhanced', 'true');
}
