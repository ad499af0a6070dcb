// Operator tools for the newsletter list:
//   npm run subscribers -- stats                                           (by status, and by market)
//   npm run subscribers -- export [--status pending|confirmed|unsubscribed|bounced]   (CSV on stdout, with preferences)
//   npm run subscribers -- delete <email>                                   (removes every personal field)
// Reads DATA_DIR like the server; safe to run while the server is up (SQLite WAL).
import { loadConfig } from '../src/config.ts';
import { toCsv } from '../src/domain/newsletter/csv.ts';
import { openDatabase } from '../src/server/newsletter/database.ts';
import { maskEmail, normalizeEmail } from '../src/domain/newsletter/email-address.ts';
import { marketBySlug, type MarketSlug } from '../src/domain/newsletter/markets.ts';
import { createOutboxStore } from '../src/server/newsletter/outbox-store.ts';
import { resolveNewsletterSecret } from '../src/server/newsletter/secret.ts';
import { createSubscribersStore, type SubscriberStatus } from '../src/server/newsletter/subscribers-store.ts';

const USAGE = `Usage:
  npm run subscribers -- stats
  npm run subscribers -- export [--status pending|confirmed|unsubscribed|bounced]
  npm run subscribers -- delete <email>`;
const STATUSES: readonly SubscriberStatus[] = ['pending', 'confirmed', 'unsubscribed', 'bounced'];

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

const [command, ...args] = process.argv.slice(2);
if (!command || !['stats', 'export', 'delete'].includes(command))
  fail(command ? `Unknown command "${command}".` : 'Name a command.');

const config = loadConfig();
const db = openDatabase(config.dataDir);
const store = createSubscribersStore(db, resolveNewsletterSecret(config.dataDir, config.newsletterSecret));

if (command === 'stats') {
  const subscribers = store.stats();
  const outbox = createOutboxStore(db).counts();
  console.log(`Subscribers in ${config.dataDir}`);
  console.log(`  confirmed     ${subscribers.confirmed}`);
  console.log(`  pending       ${subscribers.pending}`);
  console.log(`  unsubscribed  ${subscribers.unsubscribed}`);
  console.log(`  bounced       ${subscribers.bounced}`);
  console.log(`  total         ${subscribers.total}`);
  console.log('Confirmation emails');
  for (const [status, count] of Object.entries(outbox)) console.log(`  ${status.padEnd(13)} ${count}`);
  const widths = [11, 9, 14, 9];
  const row = (label: string, cells: (string | number)[]) =>
    `  ${label.padEnd(16)}${cells.map((cell, i) => String(cell).padStart(widths[i])).join('')}`;
  console.log('By market');
  console.log(row('', ['confirmed', 'pending', 'unsubscribed', 'bounced']));
  for (const [market, counts] of Object.entries(store.byMarket())) {
    const label = market === 'none' ? 'no preference' : marketBySlug(market as MarketSlug).label;
    console.log(row(label, [counts.confirmed, counts.pending, counts.unsubscribed, counts.bounced]));
  }
} else if (command === 'export') {
  let status: SubscriberStatus | undefined;
  if (args.length > 0) {
    if (args[0] !== '--status' || args.length !== 2) fail(`Unexpected arguments: ${args.join(' ')}`);
    if (!STATUSES.includes(args[1] as SubscriberStatus)) fail(`--status must be one of ${STATUSES.join(', ')}.`);
    status = args[1] as SubscriberStatus;
  }
  const rows = store
    .list(status)
    .map((s) => [
      s.email,
      s.status,
      s.consent_text_version,
      iso(s.consent_at),
      iso(s.created_at),
      iso(s.confirmed_at),
      iso(s.unsubscribed_at),
      s.market ?? '',
      s.job_functions.split(',').filter(Boolean).join(' '),
    ]);
  process.stdout.write(
    toCsv(
      [
        'email',
        'status',
        'consent_text_version',
        'consent_at',
        'created_at',
        'confirmed_at',
        'unsubscribed_at',
        'market',
        'job_functions',
      ],
      rows,
    ),
  );
} else {
  if (args.length !== 1) fail('delete takes exactly one email address.');
  const removed = store.deleteByEmail(args[0]);
  if (removed === 0) {
    console.error(`No subscriber with the address ${maskEmail(normalizeEmail(args[0]))}.`);
    process.exitCode = 1;
  } else {
    console.log(
      `Deleted ${maskEmail(normalizeEmail(args[0]))}: the subscriber, their confirmation tokens and queued emails.`,
    );
  }
}
db.close();
