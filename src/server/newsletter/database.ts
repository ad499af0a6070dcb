// Opens DATA_DIR/newsletter.sqlite with the settings every connection needs, then migrates it.

import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from './migrations.ts';
import { makePrivate, privateFile, privateFolder } from './private-files.ts';

export const DATABASE_FILE = 'newsletter.sqlite';

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}

export function openDatabase(dataDir: string): DatabaseSync {
  privateFolder(dataDir);
  const file = databasePath(dataDir);
  // SQLite gives the -wal and -shm files the database file's mode, so a private database file is enough
  // for new ones; those an earlier release left open are closed here.
  privateFile(file);
  for (const suffix of ['-wal', '-shm']) makePrivate(file + suffix);
  const db = new DatabaseSync(file);
  // WAL lets the CLI read while the server writes; busy_timeout makes a second writer wait instead of failing.
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA journal_mode = WAL');
  // In WAL mode NORMAL hands each commit to the operating system before returning, so a signup
  // that got its 202 survives the process being killed (npm run load checks it with SIGKILL); only
  // a power cut could lose the last commits. FULL would fsync every commit: about 0.25 ms more per
  // signup on this machine's disk, more on slower ones, all of it blocking the event loop.
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
  migrate(db);
  return db;
}

/** "ok" when SQLite finds the file sound; otherwise the problems it reports. */
export function integrityCheck(db: DatabaseSync): string {
  const rows = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
  return rows.map((row) => row.integrity_check).join('\n');
}
