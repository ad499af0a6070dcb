// The operator CLI run as the operator runs it, against a database the store filled.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/server/newsletter/database.ts';
import { createSubscribersStore } from '../../../../src/server/newsletter/subscribers-store.ts';
import { testSecret } from './helpers.ts';

let dataDir: string;
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/subscribers.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, NEWSLETTER_SECRET: testSecret },
    encoding: 'utf8',
  });

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'newsletter-cli-'));
  const db = openDatabase(dataDir);
  const store = createSubscribersStore(db, testSecret);
  store.subscribe('ann@example.com', Date.UTC(2025, 0, 2));
  store.subscribe('bo@example.com', Date.UTC(2025, 0, 3));
  db.prepare("UPDATE subscribers SET status = 'confirmed', confirmed_at = ? WHERE email = 'bo@example.com'").run(
    Date.UTC(2025, 0, 4),
  );
  db.close();
});

// Each run starts Node; on a busy machine (three helpers on two cores) that takes seconds, not the default 5 s.
describe('npm run subscribers', { timeout: 30_000 }, () => {
  it('stats counts subscribers by status', () => {
    const out = run('stats').stdout;
    expect(out).toMatch(/confirmed\s+1/);
    expect(out).toMatch(/pending\s+1/);
    expect(out).toMatch(/total\s+2/);
  });

  it('export writes CSV, optionally only one status', () => {
    expect(run('export').stdout.split('\r\n')[1]).toBe(
      // The last two columns are the preferences (issue 13): none here.
      'ann@example.com,pending,consent-2025-1,2025-01-02T00:00:00.000Z,2025-01-02T00:00:00.000Z,,,,',
    );
    const confirmed = run('export', '--status', 'confirmed').stdout.trim().split('\r\n');
    expect(confirmed).toHaveLength(2);
    expect(confirmed[1]).toMatch(/^bo@example\.com,confirmed,/);
  });

  it('delete removes the subscriber and prints only a masked address', () => {
    // One subscriber per mailbox (issue 16): any spelling of the address names it.
    const deleted = run('delete', 'Ann@EXAMPLE.com');
    expect(deleted.status).toBe(0);
    expect(run('delete', 'ann@example.com').status).toBe(1);
    expect(deleted.stdout).toMatch(/a\*\*\*@example\.com/i);
    expect(deleted.stdout).not.toContain('ann@');
    expect(
      execFileSync(process.execPath, ['scripts/subscribers.ts', 'export'], {
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
      }),
    ).not.toContain('ann@example.com');
  });

  it('refuses unknown commands and options with the usage text', () => {
    for (const args of [[], ['frob'], ['export', '--status', 'gone'], ['delete']]) {
      const result = run(...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('Usage:');
    }
  });
});
