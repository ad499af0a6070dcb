// Checking, normalising and masking email addresses.
// The rules are deliberately practical: they accept the addresses people type into a signup form
// and reject what cannot be delivered to or what would smuggle extra headers into a message.

/** RFC 5321 caps a forward path at 256 octets including the angle brackets, so 254 for the address. */
export const MAX_EMAIL_LENGTH = 254;

const MAX_LOCAL_PART_LENGTH = 64;
// C0 and C1 control characters plus the Unicode line and paragraph separators: matching them is the point.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
// Characters a dot-atom local part may hold (RFC 5322 atext). Quoted local parts are not accepted.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL_LABEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;

export const emailMessages = {
  missing: 'Enter your email address.',
  notText: 'Enter your email address as plain text.',
  tooLong: `That is too long for an email address (${MAX_EMAIL_LENGTH} characters at most).`,
  controlCharacters: 'Email addresses cannot contain line breaks or other control characters.',
  several: 'Enter just one email address.',
  malformed: 'Enter an email address in the form name@example.com.',
} as const;

export type EmailCheck = { ok: true; email: string } | { ok: false; message: string };

/** Trims the address and lower-cases its domain; the local part keeps its case (RFC 5321 2.4). */
export function normalizeEmail(address: string): string {
  const trimmed = address.trim();
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return trimmed;
  return trimmed.slice(0, at) + '@' + trimmed.slice(at + 1).toLowerCase();
}

/** An internationalised domain in its ASCII (punycode) form, as the URL standard writes host names. */
function asciiDomain(domain: string): string {
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return domain.toLowerCase();
  }
}

/**
 * What identifies a mailbox: the whole address lower-cased, its domain in ASCII form. Providers treat
 * local parts case-insensitively in practice, so "Ann@" and "ann@" are one reader, and "bücher.de" and
 * "xn--bcher-kva.de" are one domain.
 */
export function emailKey(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return trimmed;
  return trimmed.slice(0, at) + '@' + asciiDomain(trimmed.slice(at + 1));
}

// Lists are usually separated by commas, semicolons or spaces; none of these belongs in one address.
function looksLikeSeveral(address: string): boolean {
  return /[,;\s]/u.test(address);
}

function isDeliverableShape(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at <= 0) return false;
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split('.');
  if (local.length > MAX_LOCAL_PART_LENGTH || !LOCAL_PART.test(local)) return false;
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return false;
  return TOP_LEVEL_LABEL.test(labels[labels.length - 1]);
}

/** Checks one submitted value and returns the normalised address or a message for the reader. */
export function checkEmail(value: unknown): EmailCheck {
  if (value === undefined || value === null) return { ok: false, message: emailMessages.missing };
  if (typeof value !== 'string') return { ok: false, message: emailMessages.notText };
  const address = value.trim();
  if (address === '') return { ok: false, message: emailMessages.missing };
  if (CONTROL_CHARACTERS.test(address)) return { ok: false, message: emailMessages.controlCharacters };
  if (address.length > MAX_EMAIL_LENGTH) return { ok: false, message: emailMessages.tooLong };
  if (looksLikeSeveral(address)) return { ok: false, message: emailMessages.several };
  if (!isDeliverableShape(address)) return { ok: false, message: emailMessages.malformed };
  return { ok: true, email: normalizeEmail(address) };
}

/** "a***@example.com": enough for an operator to tell log lines apart, not enough to identify anyone. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***@${address.slice(at + 1)}`;
}
