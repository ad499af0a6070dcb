// Delivery through a real SMTP server on loopback, and the file fallback used without SMTP_URL.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmationEmail } from '../../../../src/server/newsletter/confirmation-email.ts';
import { createMailTransport, isPermanentFailure } from '../../../../src/server/newsletter/mail-transport.ts';
import { freePort } from '../../../../scripts/support/free-port.ts';
import { linkIn, startSmtpServer, type TestSmtpServer } from '../../../../scripts/support/smtp-sink.ts';
import { recordingLog, testSecret } from './helpers.ts';

const message = confirmationEmail({
  siteUrl: 'http://127.0.0.1:4391',
  secret: testSecret,
  messageKey: 'confirm-3',
  subscriberId: 'sub_abc',
  to: 'mei.lin@bank.example',
  token: 'k'.repeat(43),
});

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

describe('SMTP delivery', () => {
  it('hands the message to the server with the one-click unsubscribe headers', async () => {
    const transport = createMailTransport({
      smtpUrl: smtp.url,
      dataDir: '/nonexistent',
      mailFrom: 'News <news@news.example>',
      log: recordingLog(),
    });
    await transport.send(message);
    transport.close();
    const mail = await smtp.waitForMail('mei.lin@bank.example');
    expect(linkIn(mail, '/newsletter/confirm/')).toBe(message.confirmUrl);
    expect(mail.headers.get('list-unsubscribe')).toBe(message.headers['List-Unsubscribe']);
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.headers.get('message-id')).toBe('<confirm-3@127.0.0.1>');
  });

  it('rejects, as a temporary failure, when no server listens', async () => {
    const port = await freePort();
    const transport = createMailTransport({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      dataDir: '/nonexistent',
      mailFrom: 'n@news.example',
      log: recordingLog(),
    });
    const error = await transport.send(message).then(
      () => null,
      (e: unknown) => e,
    );
    transport.close();
    expect(error).toBeInstanceOf(Error);
    expect(isPermanentFailure(error)).toBe(false);
  });

  it('recovers once a server that was down comes back, with the same transport', async () => {
    const port = await freePort();
    const transport = createMailTransport({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      dataDir: '/nonexistent',
      mailFrom: 'n@news.example',
      log: recordingLog(),
    });
    // More failures than the pool has connections: none may leave the pool stuck.
    for (let attempt = 0; attempt < 8; attempt++) await expect(transport.send(message)).rejects.toThrow(/ECONNREFUSED/);
    const late = await startSmtpServer(port);
    try {
      await transport.send(message);
      expect(late.messages).toHaveLength(1);
    } finally {
      transport.close();
      await late.stop();
    }
  });

  it('refuses a URL that is not SMTP', () => {
    expect(() =>
      createMailTransport({
        smtpUrl: 'http://mail.example',
        dataDir: '/x',
        mailFrom: 'n@x.example',
        log: recordingLog(),
      }),
    ).toThrow(/smtp:\/\//);
  });
});

describe('file delivery (no SMTP_URL)', () => {
  it('writes an .eml file and logs the confirm link with a masked address', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'newsletter-files-'));
    const log = recordingLog();
    const transport = createMailTransport({ smtpUrl: '', dataDir, mailFrom: 'n@news.example', log });
    await transport.send(message);
    await transport.send(message);
    const files = readdirSync(join(dataDir, 'outbox'));
    expect(files).toEqual(['confirm-3_127.0.0.1.eml']);
    const eml = readFileSync(join(dataDir, 'outbox', files[0]), 'utf8');
    expect(eml).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(eml).toMatch(/^To: mei\.lin@bank\.example$/m);
    expect(log.lines.join('\n')).toContain(message.confirmUrl);
    expect(log.lines.join('\n')).toContain('m***@bank.example');
    expect(log.lines.join('\n')).not.toContain('mei.lin@');
  });
});
