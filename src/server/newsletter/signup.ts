// One signup request from start to answer: rate limits, parsing, the honeypot, then the store.
// The answer never depends on whether the address was already known (no enumeration).

import { maskEmail } from '../../domain/newsletter/email-address.ts';
import type { Log } from './log.ts';
import type { RateLimiter } from '../../domain/newsletter/rate-limiter.ts';
import {
  MAX_SIGNUP_BODY_BYTES,
  parseSignup,
  requestMessages,
  type BodyRead,
  type SignupErrors,
  type SignupFormat,
} from '../../domain/newsletter/signup-request.ts';
import type { SubscribersStore } from './subscribers-store.ts';

export type SignupAnswer =
  | { kind: 'accepted' }
  | { kind: 'invalid'; errors: SignupErrors; typedEmail: string }
  | { kind: 'rate-limited'; retryAfterSeconds: number; errors: SignupErrors; typedEmail: string };

export interface SignupDependencies {
  store: SubscribersStore;
  ipLimiter: RateLimiter;
  emailLimiter: RateLimiter;
  /** Called after a confirmation email was queued, to wake the sender. */
  afterQueued(): void;
  log: Log;
  now(): number;
}

export interface SignupInput {
  /** Rate-limit key of the client (see client-address.ts). */
  clientKey: string;
  format: SignupFormat | null;
  readBody(maxBytes: number): Promise<BodyRead>;
}

export function waitMessage(seconds: number): string {
  const wait = seconds < 90 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many signup attempts. Please try again in ${wait}.`;
}

export async function handleSignup(deps: SignupDependencies, input: SignupInput): Promise<SignupAnswer> {
  const byClient = deps.ipLimiter.hit(input.clientKey, deps.now());
  if (!byClient.allowed) {
    const seconds = byClient.retryAfterSeconds;
    return {
      kind: 'rate-limited',
      retryAfterSeconds: seconds,
      errors: { email: waitMessage(seconds) },
      typedEmail: '',
    };
  }

  const body = await input.readBody(MAX_SIGNUP_BODY_BYTES);
  if (!body.ok) {
    const message = body.reason === 'too-large' ? requestMessages.tooLarge : requestMessages.unreadable;
    return { kind: 'invalid', errors: { email: message }, typedEmail: '' };
  }
  const signup = parseSignup(input.format, body.text);
  if (signup.kind === 'invalid') return signup;
  if (signup.kind === 'honeypot') {
    deps.log.info('signup with the honeypot filled: answered as accepted, nothing stored');
    return { kind: 'accepted' };
  }

  // Counted per address whatever its case, so "Ann@" and "ann@" share one budget.
  const byAddress = deps.emailLimiter.hit(signup.email.toLowerCase(), deps.now());
  if (!byAddress.allowed) {
    const seconds = byAddress.retryAfterSeconds;
    return {
      kind: 'rate-limited',
      retryAfterSeconds: seconds,
      errors: { email: waitMessage(seconds) },
      typedEmail: signup.email,
    };
  }

  const outcome = deps.store.subscribe(signup.email, deps.now(), signup.preferences);
  deps.log.info(`signup for ${maskEmail(signup.email)}: ${outcome}`);
  if (outcome === 'queued') deps.afterQueued();
  return { kind: 'accepted' };
}
