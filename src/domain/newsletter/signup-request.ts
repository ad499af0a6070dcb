// Turns the body of POST /api/newsletter/subscribe into a signup, a honeypot hit or field errors.
// Both the form-encoded body of the no-JS form and the JSON of the enhanced form arrive here.

import { checkEmail, emailMessages, type EmailCheck } from './email-address.ts';
import { FORM_FIELDS } from './form-fields.ts';
import { parsePreferences, type PreferenceErrors, type Preferences } from './preferences.ts';

/** Signup bodies are a few short fields; anything bigger is not from our form. */
export const MAX_SIGNUP_BODY_BYTES = 8 * 1024;

const ALLOWED_FIELDS = new Set<string>(Object.values(FORM_FIELDS));
const CONSENT_VALUES = new Set<unknown>([true, 'yes', 'on', 'true']);

export const requestMessages = {
  unreadable: 'We could not read that signup. Please reload the page and try again.',
  tooLarge: 'That signup was too large to read. Enter just your email address and try again.',
  unknownField: 'The form sent something we do not accept. Please reload the page and try again.',
  consent: 'Tick the box to say you want the newsletter.',
} as const;

export type SignupErrors = { email?: string; consent?: string } & PreferenceErrors;

export type SignupFormat = 'form' | 'json';

export type ParsedSignup =
  | { kind: 'signup'; email: string; preferences: Preferences }
  | { kind: 'honeypot' }
  | { kind: 'invalid'; errors: SignupErrors; typedEmail: string };

type Fields = {
  email: unknown;
  consent: unknown;
  honeypot: unknown;
  market: unknown;
  functions: unknown;
  emailCount: number;
  unknown: boolean;
};

/** Which format a Content-Type header announces, or null for anything we do not accept. */
export function signupFormat(contentType: string | null): SignupFormat | null {
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType === 'application/x-www-form-urlencoded') return 'form';
  if (mediaType === 'application/json') return 'json';
  return null;
}

function fromForm(body: string): Fields {
  const params = new URLSearchParams(body);
  const keys = [...params.keys()];
  return {
    email: params.get(FORM_FIELDS.email) ?? undefined,
    consent: params.get(FORM_FIELDS.consent) ?? undefined,
    honeypot: params.getAll(FORM_FIELDS.honeypot).join(''),
    // One market at most: a second value is a tampered form, reported on the field.
    market: params.getAll(FORM_FIELDS.market).length > 1 ? [] : (params.get(FORM_FIELDS.market) ?? undefined),
    functions: params.getAll(FORM_FIELDS.functions),
    emailCount: params.getAll(FORM_FIELDS.email).length,
    unknown: keys.some((key) => !ALLOWED_FIELDS.has(key)),
  };
}

function fromJson(body: string): Fields | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  return {
    email: record[FORM_FIELDS.email],
    consent: record[FORM_FIELDS.consent],
    honeypot: record[FORM_FIELDS.honeypot],
    market: record[FORM_FIELDS.market] ?? undefined,
    functions: record[FORM_FIELDS.functions],
    emailCount: FORM_FIELDS.email in record ? 1 : 0,
    unknown: Object.keys(record).some((key) => !ALLOWED_FIELDS.has(key)),
  };
}

function honeypotFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  return typeof value !== 'string' || value.trim() !== '';
}

function invalid(errors: SignupErrors, typed: unknown = ''): ParsedSignup {
  return { kind: 'invalid', errors, typedEmail: typeof typed === 'string' ? typed : '' };
}

/** Reads a signup from a body already limited to MAX_SIGNUP_BODY_BYTES. */
export function parseSignup(format: SignupFormat | null, body: string): ParsedSignup {
  if (format === null) return invalid({ email: requestMessages.unreadable });
  const fields = format === 'form' ? fromForm(body) : fromJson(body);
  if (fields === null) return invalid({ email: requestMessages.unreadable });
  if (fields.unknown) return invalid({ email: requestMessages.unknownField }, fields.email);
  // Bots that fill every field get the same answer as a person, and nothing is stored.
  if (honeypotFilled(fields.honeypot)) return { kind: 'honeypot' };

  const errors: SignupErrors = {};
  const email: EmailCheck =
    fields.emailCount > 1 ? { ok: false, message: emailMessages.several } : checkEmail(fields.email);
  if (!email.ok) errors.email = email.message;
  if (!CONSENT_VALUES.has(fields.consent)) errors.consent = requestMessages.consent;
  const preferences = parsePreferences(fields.market, fields.functions);
  if (!preferences.ok) Object.assign(errors, preferences.errors);
  if (!email.ok || !preferences.ok || errors.consent) return invalid(errors, fields.email);
  return { kind: 'signup', email: email.email, preferences: preferences.preferences };
}

export type BodyRead = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'unreadable' };

/** Reads a request body as UTF-8, giving up as soon as it passes the limit. */
export async function readBodyText(request: Request, maxBytes: number): Promise<BodyRead> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return { ok: false, reason: 'too-large' };
  if (!request.body) return { ok: true, text: '' };
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return { ok: false, reason: 'too-large' };
      }
      chunks.push(value);
    }
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}
