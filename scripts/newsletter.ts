// Operator tools for the daily briefing:
//   npm run newsletter -- send YYYY-MM-DD [--force]        (starts or resumes the issue; --force past the send window)
//   npm run newsletter -- status YYYY-MM-DD                (recipients, sent, pending, failed, bounced, start, end)
//   npm run newsletter -- preview YYYY-MM-DD               (writes the email's HTML and text to files)
//   npm run newsletter -- test YYYY-MM-DD --to ADDRESS     (one copy to one address, not recorded as a delivery)
//   npm run newsletter -- draft [--date YYYY-MM-DD]        (a new issue file; never overwrites one)
// Reads DATA_DIR, DIST_DIR (the build's issue files) and SMTP_URL like the server; with no SMTP_URL
// mail goes to DATA_DIR/outbox/. Safe to run while the server is up: one sender claims an issue.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadBuildConfig, loadConfig } from '../src/config.ts';
import { checkEmail, maskEmail } from '../src/domain/newsletter/email-address.ts';
import { isIssueDate, personalize } from '../src/domain/newsletter/issue-email.ts';
import { NO_PREFERENCE } from '../src/domain/newsletter/preferences.ts';
import { renderSegment } from '../src/domain/newsletter/segments.ts';
import { dateInZone } from '../src/domain/newsletter/send-schedule.ts';
import { unsubscribeUrl } from '../src/server/newsletter/confirmation-email.ts';
import { openDatabase } from '../src/server/newsletter/database.ts';
import { writeIssueDraft } from '../src/server/newsletter/issue-draft.ts';
import { readIssueFile } from '../src/server/newsletter/issue-files.ts';
import { issueMessage, preferencesUrl } from '../src/server/newsletter/issue-message.ts';
import { openIssueSending } from '../src/server/newsletter/issue-sending.ts';
import { consoleLog } from '../src/server/newsletter/log.ts';
import { createMailTransport } from '../src/server/newsletter/mail-transport.ts';
import { resolveNewsletterSecret } from '../src/server/newsletter/secret.ts';
import { describeOutcome, statusLines } from '../src/server/newsletter/send-report.ts';

const USAGE = `Usage:
  npm run newsletter -- send YYYY-MM-DD [--force]
  npm run newsletter -- status YYYY-MM-DD
  npm run newsletter -- preview YYYY-MM-DD
  npm run newsletter -- test YYYY-MM-DD --to ADDRESS
  npm run newsletter -- draft [--date YYYY-MM-DD]`;
const COMMANDS = ['send', 'status', 'preview', 'test', 'draft'];
/** The id the links of previews and test copies are signed for: no subscriber has it. */
const SAMPLE_SUBSCRIBER_ID = 'sample';

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function issueDate(value: string | undefined): string {
  if (!value || !isIssueDate(value))
    fail(value ? `"${value}" is not a date written YYYY-MM-DD.` : 'Name the issue by its date, YYYY-MM-DD.');
  return value;
}

/** Options after the date: flags and `--name value` pairs, each allowed only where listed. */
function options(args: string[], flags: string[], valued: string[]): Map<string, string | true> {
  const found = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    if (flags.includes(args[i])) found.set(args[i], true);
    else if (valued.includes(args[i]) && i + 1 < args.length) found.set(args[i], args[++i]);
    else fail(`Unexpected argument "${args[i]}".`);
  }
  return found;
}

const [command, ...args] = process.argv.slice(2);
if (!command || !COMMANDS.includes(command)) fail(command ? `Unknown command "${command}".` : 'Name a command.');

const config = loadConfig();
const log = consoleLog();

if (command === 'draft') {
  const given = options(args, [], ['--date']).get('--date');
  const date = given === undefined ? dateInZone(Date.now(), config.newsletterTimeZone) : issueDate(String(given));
  try {
    console.log(`Draft written: ${writeIssueDraft(loadBuildConfig().contentDir, date)}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
} else {
  const date = issueDate(args[0]);
  const rest = args.slice(1);
  const secret = resolveNewsletterSecret(config.dataDir, config.newsletterSecret);

  if (command === 'preview') {
    options(rest, [], []);
    const issue = readIssueFile(config.distDir, date);
    // The preview shows the section a reader with no preference gets: every new role.
    const filled = personalize(
      issue,
      {
        unsubscribe_url: unsubscribeUrl(config.siteUrl, secret, SAMPLE_SUBSCRIBER_ID),
        preferences_url: preferencesUrl(config.siteUrl, secret, SAMPLE_SUBSCRIBER_ID),
      },
      issue.newJobs && renderSegment(issue.newJobs, NO_PREFERENCE),
    );
    const folder = resolve(config.dataDir, 'preview');
    mkdirSync(folder, { recursive: true });
    const html = join(folder, `${date}.html`);
    const text = join(folder, `${date}.txt`);
    writeFileSync(html, filled.html);
    writeFileSync(text, filled.text);
    console.log(`Subject: ${issue.subject}\nHTML: ${html}\nText: ${text}`);
  } else if (command === 'test') {
    const to = options(rest, [], ['--to']).get('--to');
    const address = checkEmail(to);
    if (!address.ok) fail(`--to: ${address.message}`);
    const issue = readIssueFile(config.distDir, date);
    const transport = createMailTransport({
      smtpUrl: config.smtpUrl,
      dataDir: config.dataDir,
      mailFrom: config.mailFrom,
      log,
    });
    // Its own Message-ID each time: a test copy must never collide with a reader's delivery.
    const messageId = `<issue-${date}-test-${randomBytes(6).toString('hex')}@${new URL(config.siteUrl).hostname}>`;
    try {
      await transport.send(
        issueMessage(
          issue,
          { email: address.email, subscriberId: SAMPLE_SUBSCRIBER_ID, messageId },
          { siteUrl: config.siteUrl, secret },
        ),
      );
      console.log(`Test copy of ${date} sent to ${maskEmail(address.email)} via ${transport.description}.`);
    } finally {
      transport.close();
    }
  } else {
    const flags = options(rest, command === 'send' ? ['--force'] : [], []);
    const db = openDatabase(config.dataDir);
    const transport = createMailTransport({
      smtpUrl: config.smtpUrl,
      dataDir: config.dataDir,
      mailFrom: config.mailFrom,
      log,
    });
    const { deliveries, sender, composer } = openIssueSending(config, db, secret, transport, log);
    if (command === 'status') {
      const summary = deliveries.summary(date);
      console.log(summary ? statusLines(summary).join('\n') : `Issue ${date} has not started sending.`);
    } else {
      const issue = readIssueFile(config.distDir, date);
      // Ctrl-C or a service manager's stop: finish the messages in flight, then leave it to resume.
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          console.error(`${signal}: stopping after the messages in flight...`);
          void sender.stop();
        });
      }
      const outcome = await sender.send(issue, { force: flags.has('--force'), returnWhenWaiting: true });
      console.log(describeOutcome(date, outcome));
      // One render per segment (market x job alerts), however many readers share it; the load run reads this line.
      if (issue.newJobs) console.log(`New jobs sections rendered: ${composer.renders}`);
      if (outcome.kind === 'too-late' || outcome.kind === 'paused' || outcome.kind === 'stopped') process.exitCode = 1;
    }
    transport.close();
    db.close();
  }
}
