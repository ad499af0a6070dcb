// npm run load (no argument): the signup figures newsletter.md asks for, measured on this machine over loopback.
//   1. 2,000 signups from 200 concurrent clients (each its own keep-alive connection): errors, lost,
//      duplicates, p50/p99 latency. Twice: paced (each client signs up every PACE_MS, so 200
//      clients offer a steady 400 signups a second, latency counted from when each request was due)
//      and flat out (each client sends its next signup the moment the last one is answered, which
//      measures throughput; its latency is mostly queueing, 200 requests deep).
//   2. The server killed with SIGKILL mid-load, then restarted: integrity_check, and every signup
//      that got a 202 is in the database with its outbox row (and its email still goes out).
//   3. The SMTP server stopped during signups and started again: every email delivered once.
// Needs a build (npm run build). Bounded: fixed request counts, a deadline per wait, and a hard
// stop after 5 minutes. Everything listens on 127.0.0.1 only. Exits non-zero if a target is missed.
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { databasePath, integrityCheck } from '../../src/server/newsletter/database.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-sink.ts';

const SIGNUPS = 2_000;
const CLIENTS = 200;
const PACE_MS = 500;
const P99_TARGET_MS = 50;
const run = Date.now().toString(36);
const scratch = mkdtempSync(join(tmpdir(), 'newsletter-load-'));
const children = new Set<ChildProcess>();
const failures: string[] = [];

setTimeout(() => {
  console.error('Load run exceeded 5 minutes; stopping.');
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
}, 5 * 60_000).unref();

/** A server over the build with its own data folder, known to the 5-minute stop. */
async function startLoadServer(dataDir: string, settings: Record<string, string>): Promise<RunningServer> {
  // The limiter still runs; one machine playing 200 readers needs a per-address budget to match.
  const server = await startServer(
    { DATA_DIR: dataDir, RATE_LIMIT_IP_PER_MINUTE: '1000000', ...settings },
    { show: 'errors' },
  );
  children.add(server.child);
  server.child.once('exit', () => children.delete(server.child));
  return server;
}

async function waitFor(what: string, timeoutMs: number, check: () => boolean | Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  failures.push(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
  return false;
}

type Outcome = { email: string; status: number; ms: number };

/** One signup; its latency counts from `due`, when it should have been sent (no coordinated omission). */
function signup(agent: http.Agent, url: string, email: string, due = performance.now()): Promise<Outcome> {
  const body = JSON.stringify({ email, consent: true, website: '' });
  return new Promise((resolve) => {
    const request = http.request(
      `${url}/api/newsletter/subscribe`,
      {
        method: 'POST',
        agent,
        timeout: 10_000,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ email, status: response.statusCode ?? 0, ms: performance.now() - due }));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => resolve({ email, status: 0, ms: performance.now() - due }));
    request.end(body);
  });
}

/**
 * The emails shared among `clients` concurrent clients, each with its own connection. With a pace,
 * client c sends its k-th signup at start + (c / clients + k) * paceMs; without one, at once.
 * onAccepted runs after each 202.
 */
async function signups(
  url: string,
  emails: string[],
  clients: number,
  options: { paceMs?: number; onAccepted?: (count: number) => void } = {},
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const perClient = Math.ceil(emails.length / clients);
  const start = performance.now() + 100;
  let accepted = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      for (let k = 0; k < perClient && client * perClient + k < emails.length; k++) {
        let due: number | undefined;
        if (options.paceMs) {
          due = start + (client / clients + k) * options.paceMs;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        }
        const outcome = await signup(agent, url, emails[client * perClient + k], due);
        outcomes.push(outcome);
        if (outcome.status === 202) options.onAccepted?.(++accepted);
      }
      agent.destroy();
    }),
  );
  return outcomes;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** What the database holds about the given addresses, read as the operator would. */
function inspect(dataDir: string, emails: string[]) {
  const db = new DatabaseSync(databasePath(dataDir), { readOnly: true, timeout: 5_000 });
  const integrity = integrityCheck(db);
  const rows = new Map<string, number>();
  for (const row of db
    .prepare(
      'SELECT s.email, COUNT(o.id) AS outbox FROM subscribers s LEFT JOIN outbox o ON o.subscriber_id = s.id GROUP BY s.id',
    )
    .all() as { email: string; outbox: number }[]) {
    rows.set(row.email, row.outbox);
  }
  const pending = Number(
    (db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'`).get() as { n: number }).n,
  );
  db.close();
  const missing = emails.filter((email) => !rows.get(email));
  const extraOutboxRows = [...rows.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
  return { integrity, missing: missing.length, extraOutboxRows, pending };
}

function deliveries(smtp: TestSmtpServer, emails: string[]) {
  const counts = new Map<string, number>();
  for (const mail of smtp.messages) for (const to of mail.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  return {
    delivered: emails.filter((email) => counts.has(email)).length,
    twice: emails.filter((email) => (counts.get(email) ?? 0) > 1).length,
  };
}

function check(ok: boolean, description: string): string {
  if (!ok) failures.push(description);
  return ok ? 'ok' : 'MISSED';
}

const addresses = (phase: string, count: number) =>
  Array.from({ length: count }, (_, i) => `load-${run}-${phase}-${i}@example.com`);

async function throughput(smtp: TestSmtpServer) {
  const dataDir = join(scratch, 'throughput');
  const server = await startLoadServer(dataDir, { SMTP_URL: smtp.url });
  const runs = [
    {
      name: `paced, ${Math.round((CLIENTS * 1000) / PACE_MS)} signups/s offered`,
      emails: addresses('p', SIGNUPS),
      paceMs: PACE_MS,
    },
    { name: 'flat out', emails: addresses('f', SIGNUPS), paceMs: undefined },
  ];
  const results = [];
  for (const run of runs) {
    const started = performance.now();
    const outcomes = await signups(server.url, run.emails, CLIENTS, { paceMs: run.paceMs });
    results.push({ ...run, outcomes, seconds: (performance.now() - started) / 1000 });
  }
  const everyone = results.flatMap((r) => r.outcomes.filter((o) => o.status === 202).map((o) => o.email));
  await waitFor('every confirmation email', 60_000, () => deliveries(smtp, everyone).delivered === everyone.length);
  await server.stop();
  const db = inspect(dataDir, everyone);
  const mail = deliveries(smtp, everyone);
  console.log(`\n1. ${SIGNUPS} signups from ${CLIENTS} concurrent clients, twice`);
  for (const [index, r] of results.entries()) {
    const accepted = r.outcomes.filter((o) => o.status === 202).length;
    const latencies = r.outcomes.map((o) => o.ms).sort((a, b) => a - b);
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const verdict =
      index === 0
        ? ` [${check(p99 < P99_TARGET_MS, `p99 under ${P99_TARGET_MS} ms (paced)`)}]`
        : ' (queueing: 200 requests always waiting)';
    console.log(
      `   ${r.name}: ${Math.round(SIGNUPS / r.seconds)}/s over ${r.seconds.toFixed(1)} s, errors ${SIGNUPS - accepted} [${check(accepted === SIGNUPS, `errors (${r.name})`)}]`,
    );
    console.log(
      `      latency p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms${verdict}`,
    );
  }
  const lost = db.missing + (everyone.length - mail.delivered);
  const duplicates = db.extraOutboxRows + mail.twice;
  console.log(
    `   lost ${lost} [${check(lost === 0, 'lost signups')}], duplicates ${duplicates} [${check(duplicates === 0, 'duplicates')}] (database rows and emails for all ${everyone.length} accepted)`,
  );
  console.log(`   confirmation emails delivered ${mail.delivered}/${everyone.length}, integrity_check ${db.integrity}`);
}

async function crash(smtp: TestSmtpServer) {
  const dataDir = join(scratch, 'crash');
  const server = await startLoadServer(dataDir, { SMTP_URL: smtp.url });
  const emails = addresses('k', SIGNUPS);
  const killAt = Math.round(SIGNUPS * 0.3);
  const outcomes = await signups(server.url, emails, CLIENTS, {
    onAccepted: (count) => {
      if (count === killAt) server.child.kill('SIGKILL');
    },
  });
  const accepted = outcomes.filter((o) => o.status === 202).map((o) => o.email);
  const restarted = await startLoadServer(dataDir, { SMTP_URL: smtp.url });
  const db = inspect(dataDir, accepted);
  await waitFor(
    'the outbox to drain after restart',
    60_000,
    () => deliveries(smtp, accepted).delivered === accepted.length,
  );
  await restarted.stop();
  const mail = deliveries(smtp, accepted);
  console.log(`\n2. SIGKILL after ${killAt} acknowledged signups, then restart`);
  console.log(`   integrity_check ${db.integrity} [${check(db.integrity === 'ok', 'integrity_check')}]`);
  console.log(
    `   acknowledged ${accepted.length}, missing from the database or without an outbox row ${db.missing} [${check(db.missing === 0, 'acknowledged signups lost in the crash')}]`,
  );
  console.log(
    `   after restart: confirmation emails delivered ${mail.delivered}/${accepted.length} [${check(mail.delivered === accepted.length, 'emails after restart')}], sent twice ${mail.twice} (sent just before the kill, not yet marked)`,
  );
}

async function smtpOutage() {
  const smtp = await startSmtpServer();
  const dataDir = join(scratch, 'outage');
  const server = await startLoadServer(dataDir, {
    SMTP_URL: smtp.url,
    OUTBOX_RETRY_BASE_MS: '250',
    OUTBOX_RETRY_MAX_MS: '2000',
  });
  const emails = addresses('o', 600);
  let stopping: Promise<void> | undefined;
  const outcomes = await signups(server.url, emails, 50, {
    onAccepted: (count) => {
      if (count === 200) stopping = smtp.stop();
    },
  });
  await stopping;
  const accepted = outcomes.filter((o) => o.status === 202).map((o) => o.email);
  const beforeOutage = deliveries(smtp, accepted).delivered;
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const restartedAt = performance.now();
  await smtp.start();
  await waitFor(
    'every email after the SMTP server came back',
    60_000,
    () => deliveries(smtp, accepted).delivered === accepted.length,
  );
  const seconds = (performance.now() - restartedAt) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await server.stop();
  await smtp.stop();
  const mail = deliveries(smtp, accepted);
  const db = inspect(dataDir, accepted);
  console.log(`\n3. SMTP server stopped after 200 of ${emails.length} signups, started again 3 s after the last one`);
  console.log(
    `   signups acknowledged ${accepted.length}/${emails.length} [${check(accepted.length === emails.length, 'signups while SMTP was down')}]; delivered before the outage ${beforeOutage}`,
  );
  console.log(
    `   delivered ${mail.delivered}/${accepted.length} [${check(mail.delivered === accepted.length, 'emails after the outage')}] within ${seconds.toFixed(1)} s of the restart, twice ${mail.twice} [${check(mail.twice === 0, 'emails delivered twice')}], still pending ${db.pending}`,
  );
}

try {
  const smtp = await startSmtpServer();
  console.log(`Newsletter load run (${SIGNUPS} signups, ${CLIENTS} clients, loopback only; data in ${scratch})`);
  await throughput(smtp);
  await crash(smtp);
  await smtp.stop();
  await smtpOutage();
} finally {
  for (const child of children) child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
}
console.log(failures.length === 0 ? '\nAll targets met.' : `\nMissed: ${failures.join('; ')}`);
process.exit(failures.length === 0 ? 0 : 1);
