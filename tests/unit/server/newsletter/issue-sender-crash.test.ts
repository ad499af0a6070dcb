// Guarantee 4: `npm run newsletter -- send` killed with SIGKILL in the middle of an issue, then run
// again. Nobody is skipped; a copy that was in flight at the kill may arrive twice, with the same
// Message-ID, and no more of them than the in-flight window, which `status` reports (its lines are checked
// in-process here, to spare a third start of the CLI; newsletter-cli.test.ts runs status itself).
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/server/newsletter/database.ts';
import { createDeliveriesStore } from '../../../../src/server/newsletter/deliveries-store.ts';
import { IN_FLIGHT } from '../../../../src/server/newsletter/issue-sender.ts';
import { statusLines } from '../../../../src/server/newsletter/send-report.ts';
import { testSecret } from './helpers.ts';
import {
  addConfirmedReaders,
  folders,
  ISSUE_DATE,
  issueFixture,
  sendingSmtpServer,
  SITE_URL,
} from './sending-fixtures.ts';

function newsletterCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['scripts/newsletter.ts', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: string | null; output: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, output })),
  );
  return { child, exited };
}

describe('4. resume after SIGKILL', () => {
  it('delivers to every reader, duplicates only from the in-flight window, and reports them', async () => {
    const { dataDir, distDir } = folders(issueFixture());
    const db = openDatabase(dataDir);
    const readers = addConfirmedReaders(db, 200);
    db.close();
    const smtp = await sendingSmtpServer({ delayMs: 25 });
    const env = {
      DATA_DIR: dataDir,
      DIST_DIR: distDir,
      SMTP_URL: smtp.url,
      SITE_URL,
      NEWSLETTER_SECRET: testSecret,
      NEWSLETTER_RATE_PER_SECOND: '0',
    };
    try {
      const first = newsletterCli(['send', ISSUE_DATE, '--force'], env);
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (smtp.received.length >= 60) {
            clearInterval(timer);
            resolve();
          }
        }, 2);
        first.exited.then(({ output }) => reject(new Error(`the sender ended before it was killed:\n${output}`)));
      });
      first.child.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      const beforeResume = smtp.received.length;
      expect(beforeResume).toBeLessThan(200);

      const second = await newsletterCli(['send', ISSUE_DATE], env).exited;
      expect(second.output).toMatch(/resum/);
      expect(second.code).toBe(0);

      const copies = readers.map((address) => smtp.copies(address));
      expect(copies.filter((n) => n === 0)).toHaveLength(0);
      const duplicates = copies.reduce((sum, n) => sum + n - 1, 0);
      expect(duplicates).toBeLessThanOrEqual(IN_FLIGHT);
      for (const address of readers.filter((_, i) => copies[i] > 1)) {
        expect(new Set(smtp.received.filter((mail) => mail.to === address).map((mail) => mail.messageId)).size).toBe(1);
      }

      const check = openDatabase(dataDir);
      const summary = createDeliveriesStore(check, { messageIdHost: '127.0.0.1', isOwnerGone: () => false }).summary(
        ISSUE_DATE,
      )!;
      check.close();
      const status = statusLines(summary).join('\n');
      const reported = Number(/possible duplicates\s+(\d+)/.exec(status)?.[1]);
      expect(reported).toBeGreaterThanOrEqual(duplicates);
      expect(reported).toBeLessThanOrEqual(IN_FLIGHT);
      expect(status).toMatch(/sent\s+200/);
      expect(status).toMatch(/skipped\s+0/);
    } finally {
      await smtp.stop();
    }
  }, 30_000);
});
