// The signup flow as the endpoint runs it: what the reader is told and what gets written.
import { describe, expect, it } from 'vitest';
import type { DatabaseSync } from 'node:sqlite';
import { createRateLimiter } from '../../../../src/domain/newsletter/rate-limiter.ts';
import { handleSignup, type SignupDependencies } from '../../../../src/server/newsletter/signup.ts';
import {
  MAX_SIGNUP_BODY_BYTES,
  readBodyText,
  requestMessages,
  type SignupFormat,
} from '../../../../src/domain/newsletter/signup-request.ts';
import { createSubscribersStore } from '../../../../src/server/newsletter/subscribers-store.ts';
import { count, memoryDatabase, recordingLog, testSecret } from './helpers.ts';

function setup(ipLimit = 5, emailLimit = 3) {
  const db: DatabaseSync = memoryDatabase();
  let wakes = 0;
  let clock = Date.UTC(2025, 0, 6, 8);
  const log = recordingLog();
  const deps: SignupDependencies = {
    store: createSubscribersStore(db, testSecret),
    ipLimiter: createRateLimiter({ limit: ipLimit, windowMs: 60_000 }),
    emailLimiter: createRateLimiter({ limit: emailLimit, windowMs: 3_600_000 }),
    afterQueued: () => wakes++,
    log,
    now: () => clock,
  };
  const post = (body: string, format: SignupFormat | null = 'json', clientKey = '198.51.100.1') =>
    handleSignup(deps, { clientKey, format, readBody: async () => ({ ok: true, text: body }) });
  const rows = () => count(db, 'SELECT (SELECT COUNT(*) FROM subscribers) + (SELECT COUNT(*) FROM outbox) AS n');
  return { db, post, rows, log, wakes: () => wakes, tick: (ms: number) => (clock += ms) };
}

const good = (email = 'ann@example.com') => JSON.stringify({ email, consent: true, website: '' });

describe('handleSignup', () => {
  it('accepts a signup, stores it with its email and wakes the sender', async () => {
    const t = setup();
    expect(await t.post(good())).toEqual({ kind: 'accepted' });
    expect(t.rows()).toBe(2);
    expect(t.wakes()).toBe(1);
  });

  it('answers the same for a new, a pending and a confirmed address', async () => {
    const t = setup(100, 100);
    const first = await t.post(good());
    const again = await t.post(good());
    t.db.exec("UPDATE subscribers SET status = 'confirmed'");
    const confirmed = await t.post(good());
    expect([first, again, confirmed]).toEqual([{ kind: 'accepted' }, { kind: 'accepted' }, { kind: 'accepted' }]);
    expect(t.wakes()).toBe(1);
  });

  it('answers a filled honeypot exactly like a signup, and stores nothing', async () => {
    const t = setup();
    expect(await t.post(JSON.stringify({ email: 'bot@example.com', consent: true, website: 'http://x' }))).toEqual({
      kind: 'accepted',
    });
    expect(t.rows()).toBe(0);
    expect(t.wakes()).toBe(0);
  });

  it('writes nothing for bad input', async () => {
    const t = setup(100);
    for (const body of ['{}', good('not-an-email'), JSON.stringify({ email: 'ann@example.com' }), '[]']) {
      expect((await t.post(body)).kind).toBe('invalid');
    }
    expect((await t.post('email=ann%40example.com&consent=yes', null)).kind).toBe('invalid');
    expect(t.rows()).toBe(0);
  });

  it('refuses a body over 8 kB with a message for the reader', async () => {
    const t = setup();
    const answer = await handleSignup(setupDeps(t), {
      clientKey: 'x',
      format: 'json',
      readBody: async () => ({ ok: false, reason: 'too-large' }),
    });
    expect(answer).toEqual({ kind: 'invalid', errors: { email: requestMessages.tooLarge }, typedEmail: '' });
  });

  it('limits one client to 5 requests a minute, bad ones included, with Retry-After', async () => {
    const t = setup();
    for (let i = 0; i < 4; i++) await t.post(good(`reader${i}@example.com`));
    await t.post('{}');
    const refused = await t.post(good('late@example.com'));
    expect(refused).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 60 });
    if (refused.kind === 'rate-limited') expect(refused.errors.email).toMatch(/try again in 60 seconds/);
    expect(await t.post(good('other@example.com'), 'json', '203.0.113.50')).toEqual({ kind: 'accepted' });
    t.tick(60_000);
    expect(await t.post(good('late@example.com'))).toEqual({ kind: 'accepted' });
  });

  it('limits one address to 3 requests an hour from any client, whatever its case', async () => {
    const t = setup(100, 3);
    for (const [i, email] of ['ann@example.com', 'ANN@example.com', 'ann@EXAMPLE.com'].entries()) {
      expect(await t.post(good(email), 'json', `198.51.100.${i}`)).toEqual({ kind: 'accepted' });
    }
    const refused = await t.post(good('ann@example.com'), 'json', '198.51.100.9');
    expect(refused).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 3600, typedEmail: 'ann@example.com' });
    if (refused.kind === 'rate-limited') expect(refused.errors.email).toMatch(/try again in 60 minutes/);
  });
});

function setupDeps(t: ReturnType<typeof setup>): SignupDependencies {
  return {
    store: createSubscribersStore(t.db, testSecret),
    ipLimiter: createRateLimiter({ limit: 5, windowMs: 60_000 }),
    emailLimiter: createRateLimiter({ limit: 3, windowMs: 3_600_000 }),
    afterQueued: () => {},
    log: t.log,
    now: Date.now,
  };
}

describe('readBodyText', () => {
  const request = (body: BodyInit | null, headers: Record<string, string> = {}) =>
    new Request('http://localhost/api/newsletter/subscribe', {
      method: 'POST',
      body,
      headers,
      duplex: 'half',
    } as RequestInit);

  it('reads a small UTF-8 body', async () => {
    expect(await readBodyText(request('email=mei%40example.com'), MAX_SIGNUP_BODY_BYTES)).toEqual({
      ok: true,
      text: 'email=mei%40example.com',
    });
  });

  it('stops at the limit even when no Content-Length announces the size', async () => {
    const chunks = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(1024).fill(97));
      },
    });
    expect(await readBodyText(request(chunks), MAX_SIGNUP_BODY_BYTES)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('refuses a declared Content-Length over the limit without reading', async () => {
    expect(
      await readBodyText(request('x', { 'content-length': String(MAX_SIGNUP_BODY_BYTES + 1) }), MAX_SIGNUP_BODY_BYTES),
    ).toEqual({ ok: false, reason: 'too-large' });
  });

  it('accepts exactly 8 kB and refuses 8 kB + 1', async () => {
    expect((await readBodyText(request('a'.repeat(MAX_SIGNUP_BODY_BYTES)), MAX_SIGNUP_BODY_BYTES)).ok).toBe(true);
    expect((await readBodyText(request('a'.repeat(MAX_SIGNUP_BODY_BYTES + 1)), MAX_SIGNUP_BODY_BYTES)).ok).toBe(false);
  });

  it('refuses bytes that are not UTF-8', async () => {
    expect(await readBodyText(request(new Uint8Array([0xff, 0xfe, 0x41])), MAX_SIGNUP_BODY_BYTES)).toEqual({
      ok: false,
      reason: 'unreadable',
    });
  });
});
