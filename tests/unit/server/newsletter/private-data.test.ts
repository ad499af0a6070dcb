// Subscriber data is readable by the server's own user only (issue 16, item 2): the database and its
// WAL and shared-memory files, the .eml files (live confirm tokens, full addresses), the outbox folder
// and DATA_DIR itself, whatever the umask, and folders and files left open by an earlier release.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confirmationEmail } from '../../../../src/server/newsletter/confirmation-email.ts';
import { databasePath, openDatabase } from '../../../../src/server/newsletter/database.ts';
import { createMailTransport } from '../../../../src/server/newsletter/mail-transport.ts';
import { recordingLog, testSecret } from './helpers.ts';

const mode = (path: string) => statSync(path).mode & 0o777;

function message(messageKey: string) {
  return confirmationEmail({
    siteUrl: 'http://127.0.0.1:4391',
    secret: testSecret,
    messageKey,
    subscriberId: 'sub_abc',
    to: 'mei.lin@bank.example',
    token: 'k'.repeat(43),
  });
}

describe('private data files', () => {
  it('a new data folder, its database, WAL and shared memory are private', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ft-private-')), 'data');
    const db = openDatabase(dataDir);
    db.exec("INSERT INTO issue_sends (issue_date, state, started_at) VALUES ('2026-12-02', 'sent', 0)");
    expect(mode(dataDir)).toBe(0o700);
    for (const suffix of ['', '-wal', '-shm']) expect(mode(databasePath(dataDir) + suffix), suffix).toBe(0o600);
    db.close();
  });

  it('an existing open folder and database are made private on start', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ft-private-'));
    openDatabase(dataDir).close();
    chmodSync(dataDir, 0o755);
    for (const suffix of ['', '-wal', '-shm']) {
      writeFileSync(databasePath(dataDir) + suffix, '', { flag: 'a' });
      chmodSync(databasePath(dataDir) + suffix, 0o644);
    }
    openDatabase(dataDir).close();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(databasePath(dataDir))).toBe(0o600);
  });

  it('file-mode mail: the outbox folder and every .eml file are private, old ones included', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ft-private-'));
    const outbox = join(dataDir, 'outbox');
    mkdirSync(outbox, { mode: 0o755 });
    chmodSync(outbox, 0o755);
    writeFileSync(join(outbox, 'old.eml'), 'x', { mode: 0o644 });
    chmodSync(join(outbox, 'old.eml'), 0o644);
    const transport = createMailTransport({
      smtpUrl: '',
      dataDir,
      mailFrom: 'News <n@n.example>',
      log: recordingLog(),
    });
    await transport.send(message('confirm-test-1'));
    transport.close();
    expect(mode(outbox)).toBe(0o700);
    const files = readdirSync(outbox);
    expect(files.length).toBe(2);
    for (const file of files) expect(mode(join(outbox, file)), file).toBe(0o600);
  });
});
