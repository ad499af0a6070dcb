import { describe, expect, it } from 'vitest';
import { testSecret } from './helpers.ts';
import {
  hashToken,
  isTokenShaped,
  newConfirmToken,
  openToken,
  sealToken,
  signSubscriberId,
  verifySubscriberSignature,
} from '../../../../src/server/newsletter/tokens.ts';

const secret = 'a-test-secret-that-is-long-enough-0123456789';

describe('confirmation tokens', () => {
  it('are 32 random bytes in base64url, different every time', () => {
    const tokens = new Set(Array.from({ length: 200 }, newConfirmToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(isTokenShaped(token)).toBe(true);
    }
  });

  it('are stored as a SHA-256 hash that does not contain the token', () => {
    const token = newConfirmToken();
    const hash = hashToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hashToken(token)).toBe(hash);
    expect(hashToken(newConfirmToken())).not.toBe(hash);
  });

  it.each(['', 'short', 'x'.repeat(44), `${'a'.repeat(42)}=`, `${'a'.repeat(42)}/`])(
    'rejects %j as token-shaped',
    (value) => {
      expect(isTokenShaped(value)).toBe(false);
    },
  );
});

describe('unsubscribe signatures (HMAC-SHA256)', () => {
  it('verify for the id they were made for, with the same secret', () => {
    const sig = signSubscriberId(secret, 'subscriber-1');
    expect(sig).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifySubscriberSignature(secret, 'subscriber-1', sig)).toBe(true);
  });

  it('fail for another id, another secret, or a tampered signature', () => {
    const sig = signSubscriberId(secret, 'subscriber-1');
    expect(verifySubscriberSignature(secret, 'subscriber-2', sig)).toBe(false);
    expect(verifySubscriberSignature(`${secret}-other`, 'subscriber-1', sig)).toBe(false);
    const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
    expect(verifySubscriberSignature(secret, 'subscriber-1', flipped)).toBe(false);
    expect(verifySubscriberSignature(secret, 'subscriber-1', '')).toBe(false);
    expect(verifySubscriberSignature(secret, 'subscriber-1', sig.slice(0, 20))).toBe(false);
    expect(verifySubscriberSignature(secret, '', sig)).toBe(false);
  });
});

describe('sealed tokens in the outbox', () => {
  it('open with the secret they were sealed with', () => {
    const token = newConfirmToken();
    const sealed = sealToken(secret, token);
    expect(sealed).not.toContain(token);
    expect(openToken(secret, sealed)).toBe(token);
  });

  it('do not open with another secret or when altered', () => {
    const sealed = sealToken(secret, newConfirmToken());
    expect(openToken(`${secret}-rotated`, sealed)).toBeNull();
    const [iv, tag, body] = sealed.split('.');
    const alteredBody = (body[0] === 'A' ? 'B' : 'A') + body.slice(1);
    expect(openToken(secret, [iv, tag, alteredBody].join('.'))).toBeNull();
    expect(openToken(secret, 'garbage')).toBeNull();
  });
});

describe('preferences-link signatures', () => {
  it('differ from unsubscribe signatures, and only the exact text of one passes', async () => {
    const { signPreferencesId, signSubscriberId, verifyPreferencesSignature, verifySubscriberSignature } =
      await import('../../../../src/server/newsletter/tokens.ts');
    const signature = signPreferencesId(testSecret, 'sub1');
    expect(verifyPreferencesSignature(testSecret, 'sub1', signature)).toBe(true);
    expect(verifyPreferencesSignature(testSecret, 'sub2', signature)).toBe(false);
    expect(verifyPreferencesSignature(testSecret, 'sub1', signSubscriberId(testSecret, 'sub1'))).toBe(false);
    expect(verifySubscriberSignature(testSecret, 'sub1', signature)).toBe(false);
    // Every other spelling of the last character, including those that decode to the same bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (const last of alphabet.replace(signature.at(-1)!, ''))
      expect(verifyPreferencesSignature(testSecret, 'sub1', signature.slice(0, -1) + last)).toBe(false);
  });
});
