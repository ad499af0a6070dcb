// What the issue-sending tests share: a temp DATA_DIR and DIST_DIR with an issue file, a real SQLite
// file with confirmed readers, a real SMTP server on loopback that can be slow or refuse, and a
// sender wired the way the server wires it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { SMTPServer } from 'smtp-server';
import { loopbackSmtpOptions } from '../../../../scripts/support/smtp-listener.ts';
import type { IssueEmail } from '../../../../src/domain/newsletter/issue-email.ts';
import { createDeliveriesStore } from '../../../../src/server/newsletter/deliveries-store.ts';
import { issueMessage } from '../../../../src/server/newsletter/issue-message.ts';
import { createIssueSender, type IssueSenderOptions } from '../../../../src/server/newsletter/issue-sender.ts';
import { createMailTransport } from '../../../../src/server/newsletter/mail-transport.ts';
import { isSenderGone, senderIdentity } from '../../../../src/server/newsletter/sender-identity.ts';
import { recordingLog, testSecret } from './helpers.ts';

export const ISSUE_DATE = '2026-11-30';
export const SITE_URL = 'http://127.0.0.1:4391';

export function issueFixture(overrides: Partial<IssueEmail> = {}): IssueEmail {
  return {
    date: ISSUE_DATE,
    subject: 'Bonus season, read early',
    preheader: 'What the first bonus numbers say about moving in Q1.',
    sendAt: null,
    webUrl: `${SITE_URL}/newsletter/${ISSUE_DATE}/`,
    html: '<!doctype html><html><body><p>Today in finance hiring.</p><a href="{{unsubscribe_url}}">Unsubscribe</a></body></html>',
    text: 'Today in finance hiring.\n\nUnsubscribe: {{unsubscribe_url}}\n',
    ...overrides,
  };
}

export interface Folders {
  dataDir: string;
  distDir: string;
}

/** A temp DATA_DIR and a DIST_DIR holding the given issue files. */
export function folders(...issues: IssueEmail[]): Folders {
  const root = mkdtempSync(join(tmpdir(), 'newsletter-send-'));
  const distDir = join(root, 'dist');
  mkdirSync(join(distDir, 'newsletter'), { recursive: true });
  for (const issue of issues) writeFileSync(join(distDir, 'newsletter', `${issue.date}.json`), JSON.stringify(issue));
  return { dataDir: join(root, 'var'), distDir };
}

export const readerAddress = (n: number) => `reader${String(n).padStart(5, '0')}@bank.example`;

/** Adds confirmed readers reader00000@... in one statement; returns their addresses. */
export function addConfirmedReaders(db: DatabaseSync, howMany: number, from = 0): string[] {
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
     INSERT INTO subscribers (id, email, status, consent_text_version, consent_at, created_at, confirmed_at)
     SELECT 'sub' || printf('%05d', i), 'reader' || printf('%05d', i) || '@bank.example', 'confirmed', 'consent-2025-1', 1, 1, 1 FROM n`,
  ).run(from, from + howMany);
  return Array.from({ length: howMany }, (_, i) => readerAddress(from + i));
}

export interface Received {
  to: string;
  messageId: string;
  raw: string;
  at: number;
}

export interface SmtpOptions {
  /** Time the server takes before answering each message. */
  delayMs?: number;
  /** An SMTP code to refuse a recipient with, or null to accept. */
  refuse?(address: string): number | null;
}

export interface SendingSmtpServer {
  url: string;
  received: Received[];
  options: SmtpOptions;
  /** Copies received by each address. */
  copies(address: string): number;
  stop(): Promise<void>;
}

/** A real SMTP server (smtp-server) on loopback; a message counts as received once its data is in. */
export async function sendingSmtpServer(options: SmtpOptions = {}): Promise<SendingSmtpServer> {
  const received: Received[] = [];
  const server = new SMTPServer({
    ...loopbackSmtpOptions,
    onRcptTo(address, _session, callback) {
      const code = state.options.refuse?.(address.address) ?? null;
      if (code === null) return callback();
      callback(Object.assign(new Error(`${code} refused ${address.address}`), { responseCode: code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? '';
        for (const to of session.envelope.rcptTo)
          received.push({ to: to.address, messageId, raw, at: performance.now() });
        setTimeout(() => callback(), state.options.delayMs ?? 0);
      });
    },
  });
  server.on('error', () => {});
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port)),
  );
  const state: SendingSmtpServer = {
    url: `smtp://127.0.0.1:${port}`,
    received,
    options,
    copies: (address) => received.filter((mail) => mail.to === address).length,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return state;
}

/** A clock that reads `start` now and runs at real speed: inside the fixture issue's send window by default. */
export function clockFrom(start: number): () => number {
  const offset = Date.now() - start;
  return () => Date.now() - offset;
}

/** A sender over the real SMTP transport, wired as issue-sending.ts wires it, with test-sized settings. */
export function testSender(db: DatabaseSync, smtpUrl: string, overrides: Partial<IssueSenderOptions> = {}) {
  const log = recordingLog();
  const deliveries = createDeliveriesStore(db, { messageIdHost: '127.0.0.1', isOwnerGone: isSenderGone });
  const transport = createMailTransport({
    smtpUrl,
    dataDir: '/nonexistent',
    mailFrom: 'News <news@news.example>',
    log,
  });
  const sender = createIssueSender({
    deliveries,
    transport,
    compose: (issue, recipient) => issueMessage(issue, recipient, { siteUrl: SITE_URL, secret: testSecret }),
    schedule: { sendTime: '07:00', timeZone: 'Asia/Singapore' },
    sendWindowHours: 6,
    ratePerSecond: 0,
    retryBaseMs: 20,
    retryMaxMs: 100,
    owner: senderIdentity(),
    log,
    now: clockFrom(Date.parse('2026-11-30T00:30:00Z')),
    ...overrides,
  });
  return { sender, deliveries, transport, log };
}
