// Shared set-up for the newsletter unit tests: a migrated in-memory database and a silent log.
import { DatabaseSync } from 'node:sqlite';
import type { Log } from '../../../../src/server/newsletter/log.ts';
import { migrate } from '../../../../src/server/newsletter/migrations.ts';

export const testSecret = 'unit-test-secret-with-more-than-32-characters';

export function memoryDatabase(): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  db.exec('PRAGMA foreign_keys = ON');
  migrate(db);
  return db;
}

export function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
}

export function count(db: DatabaseSync, sql: string, ...params: (string | number)[]): number {
  return Number((db.prepare(sql).get(...params) as { n: number }).n);
}
