// npm run load -- newsletter: the sending figures newsletter.md asks for, one issue to 20,000
// confirmed subscribers through a real SMTP server on loopback, the rate cap lifted
// (NEWSLETTER_RATE_PER_SECOND=0). Each run gets a fresh data folder and runs the operator's own
// command, `scripts/newsletter.ts send`, as a child process:
//   1. Throughput: messages a second over the whole command (start-up and freezing the recipients
//      included) and the child's peak RSS (VmHWM).
//   2. SIGKILL once 40 % is delivered, then `send` again: nobody skipped, copies received twice
//      (same Message-ID) at most the in-flight window, and what the resumed run reports.
//   3. The SMTP server stopped once 30 % is delivered and started again 5 s later on the same port:
//      nobody skipped, copies received twice counted.
// With --segments (issue 13), instead: the same throughput run twice, every reader with no
// preference (one segment) and readers spread over the markets and job-alert functions, each with
// --force (every market at once); it prints both rates, their ratio (target: within 10 %), and the
// "New jobs" sections the sender rendered (one per segment). --subscribers N changes the count.
// Uses the built issue (the newest dist/newsletter/*.json, with --segments the newest that has new
// roles) when there is one, else a fixture of the same size. Bounded: a deadline per send and a hard stop after 8 minutes. Everything listens
// on 127.0.0.1 only. Exits non-zero if a target is missed.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { childEnvironment } from '../../src/config.ts';
import { CONSENT_TEXT_VERSION } from '../../src/domain/newsletter/consent.ts';
import { FUNCTIONS } from '../../src/domain/jobs/taxonomy.ts';
import { issueEmailSchema, type IssueEmail } from '../../src/domain/newsletter/issue-email.ts';
import { MARKETS } from '../../src/domain/newsletter/markets.ts';
import { databasePath, openDatabase } from '../../src/server/newsletter/database.ts';
import { IN_FLIGHT } from '../../src/server/newsletter/issue-sender.ts';
import { inTransaction } from '../../src/server/newsletter/transaction.ts';
import { newSubscriberId } from '../../src/server/newsletter/tokens.ts';
import { builtSiteFolder, projectRoot } from '../support/project.ts';
import { startCountingSmtpSink, type CountingSmtpSink } from './counting-smtp-sink.ts';

const args = process.argv.slice(3);
const SEGMENTS = args.includes('--segments');
const countArg = args.indexOf('--subscribers');
const SUBSCRIBERS = countArg >= 0 ? Number(args[countArg + 1]) : 20_000;
if (
  !Number.isInteger(SUBSCRIBERS) ||
  SUBSCRIBERS < 1 ||
  args.some((a, i) => !['--segments', '--subscribers'].includes(a) && i !== countArg + 1)
) {
  console.error('Usage: npm run load -- newsletter [--segments] [--subscribers N]');
  process.exit(2);
}
/** The figures the spec sets are for 20,000; a smaller run only checks that the run works. */
const FULL_SIZE = SUBSCRIBERS === 20_000;
const RATE_TARGET = 200;
const RSS_TARGET_MB = 300;
const KILL_AT = Math.round(SUBSCRIBERS * 0.4);
const OUTAGE_AT = Math.round(SUBSCRIBERS * 0.3);
const OUTAGE_MS = 5_000;
const SEND_DEADLINE_MS = 3 * 60_000;
const HARD_STOP_MS = 8 * 60_000;
const SITE_URL = 'http://127.0.0.1:4321';

const scratch = mkdtempSync(join(tmpdir(), 'newsletter-send-load-'));
const children = new Set<ChildProcess>();
const failures: string[] = [];
const subscriberAddresses = Array.from(
  { length: SUBSCRIBERS },
  (_, i) => `reader${String(i).padStart(5, '0')}@bank.example`,
);

setTimeout(() => {
  console.error(`Send benchmark exceeded ${HARD_STOP_MS / 60_000} minutes; stopping.`);
  for (const child of children) child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
  process.exit(1);
}, HARD_STOP_MS).unref();

/** The newest built issue, or a stand-in of a built issue's size when the site is not built. */
function issueToSend(): { issue: IssueEmail; source: string } {
  const folder = join(builtSiteFolder(), 'newsletter');
  const built = existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith('.json'))
        .sort()
    : [];
  const issues = built.map((name) => ({
    issue: issueEmailSchema.parse(JSON.parse(readFileSync(join(folder, name), 'utf8'))),
    source: join(folder, name),
  }));
  const withRoles = issues.filter(({ issue }) => (issue.newJobs?.jobs.length ?? 0) > 0);
  const chosen = (SEGMENTS ? withRoles : issues).at(-1);
  if (chosen) return chosen;
  const item =
    '<tr><td style="padding:12px 24px;font-family:Georgia,serif;font-size:16px;line-height:1.5;color:#1a1a1a">' +
    '<p style="margin:0 0 8px"><strong>Bonus pools, read early.</strong> The first numbers from the banks say ' +
    'what moving in the first quarter is worth, and what it costs. <a href="https://example.com/source" ' +
    'style="color:#0b5394">Source</a></p></td></tr>';
  const date = '2026-11-30';
  const issue = issueEmailSchema.parse({
    date,
    subject: 'Bonus season, read early',
    preheader: 'What the first bonus numbers say about moving in Q1.',
    sendAt: null,
    webUrl: `${SITE_URL}/newsletter/${date}/`,
    html: `<!doctype html><html><body><table width="600">${item.repeat(40)}</table><p><a href="{{unsubscribe_url}}">Unsubscribe</a></p></body></html>`,
    text: `${'Bonus pools, read early. The first numbers say what moving in Q1 is worth.\n\n'.repeat(40)}Unsubscribe: {{unsubscribe_url}}\n`,
  });
  return { issue, source: 'a fixture (no dist/newsletter/*.json; run npm run build for the real one)' };
}

/** A data folder with SUBSCRIBERS confirmed readers (the rows a confirmed signup leaves) and a DIST_DIR with the issue. */
/**
 * Reader i's market and job alerts when spread: the five markets and no preference in turn, and no
 * alert, one function or two: 6 x (1 + 9 + 9) = 114 segments share the readers.
 */
function spreadPreferences(i: number): { market: string | null; functions: string } {
  const markets = [null, ...MARKETS.map((m) => m.slug)];
  const slugs = FUNCTIONS.map((f) => f.slug);
  // Market, kind of alert and function each from their own digits of i, so their combinations all occur.
  const market = markets[i % markets.length];
  const kind = Math.floor(i / markets.length) % 3;
  const first = Math.floor(i / (markets.length * 3)) % slugs.length;
  const chosen = [[], [slugs[first]], [slugs[first], slugs[(first + 4) % slugs.length]]][kind];
  return { market, functions: chosen.join(',') };
}

function freshFolders(name: string, issue: IssueEmail, spread = false): { dataDir: string; distDir: string } {
  const dataDir = join(scratch, name, 'var');
  const distDir = join(scratch, name, 'dist');
  mkdirSync(join(distDir, 'newsletter'), { recursive: true });
  writeFileSync(join(distDir, 'newsletter', `${issue.date}.json`), JSON.stringify(issue));
  const db = openDatabase(dataDir);
  const insert = db.prepare(
    `INSERT INTO subscribers (id, email, status, consent_text_version, consent_at, created_at, confirmed_at,
                              market, job_functions)
     VALUES (?, ?, 'confirmed', ?, ?, ?, ?, ?, ?)`,
  );
  const now = Date.now();
  inTransaction(db, () => {
    subscriberAddresses.forEach((email, i) => {
      const { market, functions } = spread ? spreadPreferences(i) : { market: null, functions: '' };
      insert.run(newSubscriberId(), email, CONSENT_TEXT_VERSION, now, now, now, market, functions);
    });
  });
  db.close();
  return { dataDir, distDir };
}

/** The child's peak resident set so far, in MB (0 once it has exited). */
function peakRssMb(pid: number): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

interface SendRun {
  child: ChildProcess;
  /** Resolves when the child has exited, with its exit code, the last lines it printed and its peak RSS. */
  exited: Promise<{ code: number | null; signal: string | null; lines: string[]; peakMb: number; seconds: number }>;
}

/** `scripts/newsletter.ts send <date> [...]` over the given folders and sink, as the operator runs it. */
function send(
  date: string,
  folders: { dataDir: string; distDir: string },
  sink: CountingSmtpSink,
  extra: string[] = [],
): SendRun {
  const started = performance.now();
  const child = spawn(process.execPath, [join(projectRoot, 'scripts', 'newsletter.ts'), 'send', date, ...extra], {
    cwd: projectRoot,
    env: childEnvironment({
      DATA_DIR: folders.dataDir,
      DIST_DIR: folders.distDir,
      SMTP_URL: sink.url,
      SITE_URL,
      NEWSLETTER_RATE_PER_SECOND: '0',
      // Retries within seconds, so an outage of 5 s is over in a few attempts, not in minutes.
      OUTBOX_RETRY_BASE_MS: '250',
      OUTBOX_RETRY_MAX_MS: '2000',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  // During an outage the sender logs every failed attempt; the last lines are enough to read its outcome.
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let peakMb = 0;
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, peakRssMb(child.pid!))), 50);
  const deadline = setTimeout(() => {
    failures.push(`send ${extra.join(' ')} did not end within ${SEND_DEADLINE_MS / 1000} s`);
    child.kill('SIGKILL');
  }, SEND_DEADLINE_MS);
  const exited = new Promise<Awaited<SendRun['exited']>>((resolve) =>
    child.once('exit', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(deadline);
      children.delete(child);
      resolve({ code, signal, lines, peakMb, seconds: (performance.now() - started) / 1000 });
    }),
  );
  return { child, exited };
}

async function whenDelivered(sink: CountingSmtpSink, count: number, run: SendRun): Promise<void> {
  let ended = false;
  void run.exited.then(() => (ended = true));
  while (sink.received.size < count && !ended) await new Promise((resolve) => setTimeout(resolve, 2));
  if (ended) failures.push(`the sender ended before ${count} were delivered`);
}

/** The sender's one-line outcome ("Issue <date> sent: ... possible duplicates: n"). */
function outcomeLine(lines: string[], date: string): string {
  return lines.findLast((line) => line.startsWith(`Issue ${date}`)) ?? `(no outcome line; last: ${lines.at(-1)})`;
}

/** Who got nothing, copies received twice with the same Message-ID, and recipients given two different ones. */
function tally(sink: CountingSmtpSink) {
  let skipped = 0;
  let duplicates = 0;
  let conflictingIds = 0;
  for (const address of subscriberAddresses) {
    const ids = sink.received.get(address) ?? [];
    if (ids.length === 0) skipped += 1;
    duplicates += ids.length - new Set(ids).size;
    if (new Set(ids).size > 1) conflictingIds += 1;
  }
  return { received: SUBSCRIBERS - skipped, skipped, duplicates, conflictingIds };
}

/** What the database says about the issue's deliveries, read as the operator would. */
function deliveryCounts(dataDir: string, date: string): string {
  const db = new DatabaseSync(databasePath(dataDir), { readOnly: true });
  const rows = db
    .prepare('SELECT status, COUNT(*) AS n FROM deliveries WHERE issue_date = ? GROUP BY status ORDER BY status')
    .all(date) as { status: string; n: number }[];
  db.close();
  return rows.map((row) => `${row.status} ${row.n}`).join(', ');
}

interface Row {
  run: string;
  figure: string;
  target: string;
  verdict: string;
}
const rows: Row[] = [];
const notes: string[] = [];

function row(run: string, figure: string, target: string, ok: boolean | null): void {
  if (ok === false) failures.push(`${run}: ${figure} (target ${target})`);
  rows.push({ run, figure, target, verdict: ok === null ? '' : ok ? 'ok' : 'MISSED' });
}

function deliveryRows(run: string, counts: ReturnType<typeof tally>, duplicateLimit: number | null): void {
  row(run, `received ${counts.received}/${SUBSCRIBERS}, skipped ${counts.skipped}`, 'skipped 0', counts.skipped === 0);
  row(
    '',
    `received twice (same Message-ID) ${counts.duplicates}`,
    duplicateLimit === null ? 'counted' : `<= ${duplicateLimit}`,
    duplicateLimit === null ? null : counts.duplicates <= duplicateLimit,
  );
  if (counts.conflictingIds > 0) row('', `readers given two Message-IDs ${counts.conflictingIds}`, '0', false);
}

async function throughput(issue: IssueEmail, run = '1. throughput', spread = false): Promise<number> {
  const sink = await startCountingSmtpSink();
  const folders = freshFolders(spread ? 'segments' : 'throughput', issue, spread);
  const result = await send(issue.date, folders, sink, ['--force']).exited;
  await sink.stop();
  const counts = tally(sink);
  const rate = sink.total / result.seconds;
  row(
    run,
    `${rate.toFixed(1)} messages/s (${sink.total} in ${result.seconds.toFixed(1)} s)`,
    `>= ${RATE_TARGET}`,
    FULL_SIZE ? rate >= RATE_TARGET : null,
  );
  row(
    '',
    `sender peak RSS ${Math.round(result.peakMb)} MB`,
    `<= ${RSS_TARGET_MB} MB`,
    FULL_SIZE ? result.peakMb > 0 && result.peakMb <= RSS_TARGET_MB : null,
  );
  const renders = result.lines.findLast((line) => line.startsWith('New jobs sections rendered'));
  if (renders) row('', renders.replace(':', ''), 'one per segment', null);
  deliveryRows('', counts, 0);
  notes.push(`${run.slice(0, 2)} ${outcomeLine(result.lines, issue.date)}`);
  return rate;
}

/** Issue 13: one segment against readers spread over markets and job alerts; the rates within 10 %. */
async function segments(issue: IssueEmail): Promise<void> {
  const single = await throughput(issue, '1. one segment (no preferences)');
  const spread = await throughput(issue, '2. spread over markets and alerts', true);
  const ratio = spread / single;
  row('2 / 1', `${(ratio * 100).toFixed(1)} % of the one-segment rate`, '>= 90 %', FULL_SIZE ? ratio >= 0.9 : null);
}

async function killAndResume(issue: IssueEmail): Promise<void> {
  const sink = await startCountingSmtpSink();
  const folders = freshFolders('crash', issue);
  const first = send(issue.date, folders, sink, ['--force']);
  await whenDelivered(sink, KILL_AT, first);
  first.child.kill('SIGKILL');
  await first.exited;
  const atKill = sink.received.size;
  const resumed = await send(issue.date, folders, sink).exited;
  await sink.stop();
  const counts = tally(sink);
  const run = `2. SIGKILL at ${atKill}, send again`;
  row(run, `resumed run: exit ${resumed.code}`, 'exit 0', resumed.code === 0);
  deliveryRows('', counts, IN_FLIGHT);
  const reported = /possible duplicates: (\d+)/.exec(outcomeLine(resumed.lines, issue.date))?.[1];
  row(
    '',
    `possible duplicates reported by the resumed run ${reported ?? '?'}`,
    `<= ${IN_FLIGHT}`,
    reported !== undefined && Number(reported) <= IN_FLIGHT,
  );
  notes.push(
    `2. ${outcomeLine(resumed.lines, issue.date)} Deliveries: ${deliveryCounts(folders.dataDir, issue.date)}.`,
  );
}

async function smtpOutage(issue: IssueEmail): Promise<void> {
  const sink = await startCountingSmtpSink();
  const folders = freshFolders('outage', issue);
  const first = send(issue.date, folders, sink, ['--force']);
  await whenDelivered(sink, OUTAGE_AT, first);
  await sink.stop();
  const atStop = sink.received.size;
  await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
  await sink.start();
  let result = await first.exited;
  let sends = 1;
  // The sender pauses itself when too many of its first attempts fail; `send` resumes it.
  while (/paused/.test(outcomeLine(result.lines, issue.date)) && sends < 3) {
    notes.push(`3. send ${sends} paused: ${outcomeLine(result.lines, issue.date)}; sending again.`);
    result = await send(issue.date, folders, sink).exited;
    sends += 1;
  }
  await sink.stop();
  const counts = tally(sink);
  const run = `3. SMTP down ${OUTAGE_MS / 1000} s at ${atStop}`;
  row(
    run,
    `sender: exit ${result.code}${sends > 1 ? ` after ${sends} sends (paused)` : ', one send'}`,
    'exit 0',
    result.code === 0,
  );
  deliveryRows('', counts, null);
  notes.push(`3. ${outcomeLine(result.lines, issue.date)} Deliveries: ${deliveryCounts(folders.dataDir, issue.date)}.`);
}

function printTable(): void {
  const header: Row = { run: 'Run', figure: 'Figure', target: 'Target', verdict: '' };
  const all = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((r) => r[key].length));
  const [run, figure, target] = [width('run'), width('figure'), width('target')];
  for (const r of all)
    console.log(`${r.run.padEnd(run)}  ${r.figure.padEnd(figure)}  ${r.target.padEnd(target)}  ${r.verdict}`.trimEnd());
}

try {
  const { issue, source } = issueToSend();
  console.log(
    `Newsletter send benchmark: issue ${issue.date} (${Math.round(issue.html.length / 1024)} kB HTML, ` +
      `${issue.newJobs?.jobs.length ?? 0} new roles, from ${source}) to ${SUBSCRIBERS} confirmed subscribers, ` +
      `rate cap lifted, loopback only; data in ${scratch}` +
      (FULL_SIZE ? '' : `\n(not the spec's 20,000: targets are shown, not judged)`) +
      '\n',
  );
  if (SEGMENTS) {
    await segments(issue);
  } else {
    await throughput(issue);
    await killAndResume(issue);
    await smtpOutage(issue);
  }
} finally {
  for (const child of children) child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
}
printTable();
console.log(`\nWhat the sender said:\n${notes.map((note) => `   ${note}`).join('\n')}`);
console.log(failures.length === 0 ? '\nAll targets met.' : `\nMissed: ${failures.join('; ')}`);
process.exit(failures.length === 0 ? 0 : 1);
