import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../../../src/server/newsletter/migrations.ts';

function tables(db: DatabaseSync): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
}

describe('migrate', () => {
  it('brings an empty database to the latest version and records it in user_version', () => {
    const db = new DatabaseSync(':memory:');
    expect(migrate(db)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(tables(db)).toEqual(['confirm_tokens', 'deliveries', 'issue_sends', 'outbox', 'subscribers']);
  });

  it('does nothing the second time', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db);
    expect(migrate(db)).toEqual([]);
  });

  it('runs only the migrations a database has not seen, in order', () => {
    const db = new DatabaseSync(':memory:');
    const steps = ['CREATE TABLE a (x INTEGER)', 'ALTER TABLE a ADD COLUMN y TEXT', 'CREATE TABLE b (z INTEGER)'];
    expect(migrate(db, steps.slice(0, 1))).toEqual([1]);
    db.exec('INSERT INTO a (x) VALUES (7)');
    expect(migrate(db, steps)).toEqual([2, 3]);
    expect(db.prepare('SELECT x, y FROM a').get()).toEqual({ x: 7, y: null });
    expect(schemaVersion(db)).toBe(3);
  });

  it('leaves the previous version intact when a migration fails', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db, ['CREATE TABLE a (x INTEGER)']);
    expect(() =>
      migrate(db, ['CREATE TABLE a (x INTEGER)', 'CREATE TABLE b (z INTEGER); INSERT INTO missing VALUES (1)']),
    ).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['a']);
  });

  it('refuses a database written by newer code', () => {
    const db = new DatabaseSync(':memory:');
    db.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer than this code knows/);
  });
});
