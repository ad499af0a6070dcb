// Confirmation tokens, unsubscribe signatures and the sealing of tokens waiting in the outbox.
// The database never holds a usable token: confirm_tokens keeps SHA-256 hashes, and the outbox keeps
// the token only encrypted with a key derived from NEWSLETTER_SECRET until the email has gone out.

import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createSecretKey,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';

export const CONFIRM_TOKEN_BYTES = 32;
export const CONFIRM_TOKEN_LIFETIME_MS = 48 * 60 * 60 * 1000;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const SIGNATURE_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A fresh confirmation token: 32 random bytes as base64url (43 characters). */
export function newConfirmToken(): string {
  return randomBytes(CONFIRM_TOKEN_BYTES).toString('base64url');
}

/** Whether a string from a URL could be a token at all; anything else is rejected before hashing. */
export function isTokenShaped(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/** The form in which tokens are stored and looked up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A random identifier for a subscriber, used in unsubscribe links instead of anything personal. */
export function newSubscriberId(): string {
  return randomBytes(16).toString('base64url');
}

// One derived key per purpose, so a leak of one use (say, outbox sealing) says nothing about another.
// Derived once per secret and purpose: signups seal a token each, and deriving is most of that cost.
const derivedKeys = new Map<string, KeyObject>();
function purposeKey(secret: string, purpose: string): KeyObject {
  const cacheKey = `${purpose}\u0000${secret}`;
  let key = derivedKeys.get(cacheKey);
  if (!key) {
    key = createSecretKey(createHmac('sha256', secret).update(purpose).digest());
    derivedKeys.set(cacheKey, key);
  }
  return key;
}

// Each signed link has its own purpose key, so the signature of an unsubscribe link does not open
// the preferences page of the same reader, nor the other way round.
const UNSUBSCRIBE_LINK = 'unsubscribe-link';
const PREFERENCES_LINK = 'preferences-link';

function signFor(purpose: string, secret: string, subscriberId: string): string {
  return createHmac('sha256', purposeKey(secret, purpose)).update(subscriberId, 'utf8').digest('base64url');
}

function verifyFor(purpose: string, secret: string, subscriberId: string, signature: string): boolean {
  if (!SIGNATURE_SHAPE.test(signature) || subscriberId.length === 0 || subscriberId.length > 64) return false;
  // Compared as text, not as decoded bytes: the last of 43 base64url characters carries two unused
  // bits, so four spellings decode to the same bytes, and a changed link must not still work.
  const expected = Buffer.from(signFor(purpose, secret, subscriberId), 'ascii');
  return timingSafeEqual(expected, Buffer.from(signature, 'ascii'));
}

/** HMAC-SHA256 over the subscriber id, so unsubscribe links cannot be made up for other ids. */
export function signSubscriberId(secret: string, subscriberId: string): string {
  return signFor(UNSUBSCRIBE_LINK, secret, subscriberId);
}

/** Constant-time check of an unsubscribe signature. */
export function verifySubscriberSignature(secret: string, subscriberId: string, signature: string): boolean {
  return verifyFor(UNSUBSCRIBE_LINK, secret, subscriberId, signature);
}

/** The signature of a reader's "Manage preferences" link. */
export function signPreferencesId(secret: string, subscriberId: string): string {
  return signFor(PREFERENCES_LINK, secret, subscriberId);
}

/** Constant-time check of a preferences-link signature. */
export function verifyPreferencesSignature(secret: string, subscriberId: string, signature: string): boolean {
  return verifyFor(PREFERENCES_LINK, secret, subscriberId, signature);
}

/** Encrypts a token for the outbox (AES-256-GCM); the result is iv.tag.ciphertext in base64url. */
export function sealToken(secret: string, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', purposeKey(secret, 'outbox-token'), iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
}

/** Decrypts a sealed token; null when it was sealed with another secret or altered. */
export function openToken(secret: string, sealed: string): string | null {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body || iv.length !== 12 || tag.length !== 16) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', purposeKey(secret, 'outbox-token'), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
