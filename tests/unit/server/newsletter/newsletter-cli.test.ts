// The newsletter CLI run as the operator runs it: status, preview, test, draft and the refusals.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/server/newsletter/database.ts';
import { testSecret } from './helpers.ts';
import {
  addConfirmedReaders,
  folders,
  ISSUE_DATE,
  issueFixture,
  readerAddress,
  sendingSmtpServer,
  SITE_URL,
  type SendingSmtpServer,
} from './sending-fixtures.ts';

let smtp: SendingSmtpServer;
let env: Record<string, string>;
beforeAll(async () => {
  smtp = await sendingSmtpServer();
  const { dataDir, distDir } = folders(issueFixture());
  const db = openDatabase(dataDir);
  addConfirmedReaders(db, 2);
  db.close();
  env = {
    DATA_DIR: dataDir,
    DIST_DIR: distDir,
    SMTP_URL: smtp.url,
    SITE_URL,
    NEWSLETTER_SECRET: testSecret,
    CONTENT_DIR: mkdtempSync(join(tmpdir(), 'newsletter-content-')),
  };
});
afterAll(() => smtp.stop());

// Asynchronous, so the SMTP server in this process keeps answering while the CLI runs.
function run(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['scripts/newsletter.ts', ...args], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

// Each run starts Node and the CLI (about 0.7 s of CPU); on a busy machine that takes seconds.
describe('npm run newsletter', { timeout: 60_000 }, () => {
  it('send, then send again and status: the second send says it was already sent', async () => {
    const sent = await run('send', ISSUE_DATE, '--force');
    expect(sent.stdout).toMatch(/sent: 2 sent, 0 bounced/);
    const again = await run('send', ISSUE_DATE);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already sent to everyone/);
    const status = (await run('status', ISSUE_DATE)).stdout;
    expect(status).toMatch(/recipients\s+2/);
    expect(status).toMatch(/sent\s+2/);
    expect(smtp.copies(readerAddress(0))).toBe(1);
  });

  it('preview writes the HTML and text with a signed link and prints their paths', async () => {
    const { stdout } = await run('preview', ISSUE_DATE);
    const html = /HTML: (.+)/.exec(stdout)![1];
    const text = /Text: (.+)/.exec(stdout)![1];
    expect(readFileSync(html, 'utf8')).toMatch(
      /href="http:\/\/127\.0\.0\.1:4391\/newsletter\/unsubscribe\/\?id=sample&#38;sig=[\w-]{43}"/,
    );
    expect(readFileSync(text, 'utf8')).not.toContain('{{');
  });

  it('test sends one copy with its own Message-ID and records no delivery', async () => {
    const result = await run('test', ISSUE_DATE, '--to', 'editor@news.example');
    expect(result.stdout).toContain('Test copy of 2026-11-30 sent to e***@news.example');
    const copy = smtp.received.find((mail) => mail.to === 'editor@news.example')!;
    expect(copy.messageId).toMatch(/^<issue-2026-11-30-test-[0-9a-f]{12}@127\.0\.0\.1>$/);
    expect(copy.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    const db = openDatabase(env.DATA_DIR);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM deliveries WHERE message_id LIKE '%-test-%'`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('draft writes a new issue file and never overwrites one', async () => {
    const first = await run('draft', '--date', '2026-12-03');
    const file = join(env.CONTENT_DIR, 'newsletter', '2026-12-03.mdx');
    expect(first.stdout).toContain(file);
    expect(existsSync(file)).toBe(true);
    const second = await run('draft', '--date', '2026-12-03');
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already exists/);
  });

  it('refuses unknown commands, bad arguments and a missing issue file clearly', async () => {
    const refusals = [['frob'], ['send', '30-11-2026'], ['test', ISSUE_DATE, '--to', 'not-an-address']];
    const [missing, ...refused] = await Promise.all([
      run('send', '2026-12-25'),
      ...refusals.map((args) => run(...args)),
    ]);
    for (const result of refused) {
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Usage:');
    }
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/No issue file .*2026-12-25\.json/);
  });
});
