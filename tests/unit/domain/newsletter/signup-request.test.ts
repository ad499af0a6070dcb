// The bad-input table of newsletter.md, row by row, at the level of the request parser.
import { describe, expect, it } from 'vitest';
import { emailMessages, MAX_EMAIL_LENGTH, normalizeEmail } from '../../../../src/domain/newsletter/email-address.ts';
import {
  parseSignup,
  requestMessages,
  signupFormat,
  type SignupFormat,
} from '../../../../src/domain/newsletter/signup-request.ts';

const form = (fields: Record<string, string> | [string, string][]) => new URLSearchParams(fields).toString();
const json = (value: unknown) => JSON.stringify(value);
const longLocal = 'a'.repeat(64);
const tooLong = `${longLocal}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`;

type Row = [name: string, format: SignupFormat | null, body: string, field: 'email' | 'consent', message: string];

const badInput: Row[] = [
  ['missing email (form)', 'form', form({ consent: 'yes' }), 'email', emailMessages.missing],
  ['empty email (form)', 'form', form({ email: '   ', consent: 'yes' }), 'email', emailMessages.missing],
  ['missing email (json)', 'json', json({ consent: true }), 'email', emailMessages.missing],
  ['no @', 'form', form({ email: 'ann.example.com', consent: 'yes' }), 'email', emailMessages.malformed],
  ['no domain dot', 'form', form({ email: 'ann@localhost', consent: 'yes' }), 'email', emailMessages.malformed],
  [
    'double dot in local part',
    'json',
    json({ email: 'ann..lee@example.com', consent: true }),
    'email',
    emailMessages.malformed,
  ],
  ['two @', 'json', json({ email: 'ann@lee@example.com', consent: true }), 'email', emailMessages.malformed],
  [
    'domain label starting with a hyphen',
    'json',
    json({ email: 'ann@-example.com', consent: true }),
    'email',
    emailMessages.malformed,
  ],
  [
    'numeric top-level domain',
    'json',
    json({ email: 'ann@example.123', consent: true }),
    'email',
    emailMessages.malformed,
  ],
  ['over 254 characters', 'json', json({ email: tooLong, consent: true }), 'email', emailMessages.tooLong],
  [
    'several addresses, comma',
    'form',
    form({ email: 'ann@example.com, bo@example.com', consent: 'yes' }),
    'email',
    emailMessages.several,
  ],
  [
    'several addresses, semicolon',
    'json',
    json({ email: 'ann@example.com;bo@example.com', consent: true }),
    'email',
    emailMessages.several,
  ],
  [
    'several addresses, space',
    'json',
    json({ email: 'ann@example.com bo@example.com', consent: true }),
    'email',
    emailMessages.several,
  ],
  [
    'several email fields',
    'form',
    form([
      ['email', 'ann@example.com'],
      ['email', 'bo@example.com'],
      ['consent', 'yes'],
    ]),
    'email',
    emailMessages.several,
  ],
  [
    'header injection (CR LF)',
    'form',
    form({ email: 'ann@example.com\r\nBcc: x@evil.test', consent: 'yes' }),
    'email',
    emailMessages.controlCharacters,
  ],
  [
    'NUL byte',
    'json',
    json({ email: 'ann\u0000@example.com', consent: true }),
    'email',
    emailMessages.controlCharacters,
  ],
  [
    'unknown field (form)',
    'form',
    form({ email: 'ann@example.com', consent: 'yes', admin: '1' }),
    'email',
    requestMessages.unknownField,
  ],
  [
    'unknown field (json)',
    'json',
    json({ email: 'ann@example.com', consent: true, list: 'vip' }),
    'email',
    requestMessages.unknownField,
  ],
  ['email as a number', 'json', json({ email: 42, consent: true }), 'email', emailMessages.notText],
  ['email as an array', 'json', json({ email: ['ann@example.com'], consent: true }), 'email', emailMessages.notText],
  [
    'email as an object',
    'json',
    json({ email: { address: 'ann@example.com' }, consent: true }),
    'email',
    emailMessages.notText,
  ],
  ['JSON that is not an object', 'json', json(['ann@example.com']), 'email', requestMessages.unreadable],
  ['broken JSON', 'json', '{"email": "ann@example.com",', 'email', requestMessages.unreadable],
  ['wrong content type', null, 'email=ann@example.com&consent=yes', 'email', requestMessages.unreadable],
  ['consent missing (form)', 'form', form({ email: 'ann@example.com' }), 'consent', requestMessages.consent],
  [
    'consent false (json)',
    'json',
    json({ email: 'ann@example.com', consent: false }),
    'consent',
    requestMessages.consent,
  ],
  [
    'consent as a number (json)',
    'json',
    json({ email: 'ann@example.com', consent: 1 }),
    'consent',
    requestMessages.consent,
  ],
];

describe('parseSignup: every bad input gets a message on the right field', () => {
  it.each(badInput)('%s', (_name, format, body, field, message) => {
    const result = parseSignup(format, body);
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.errors[field]).toBe(message);
  });

  it('keeps what the reader typed, so the no-JS form can show it again', () => {
    const result = parseSignup('form', form({ email: 'ann@example', consent: 'yes' }));
    expect(result).toEqual({ kind: 'invalid', errors: { email: emailMessages.malformed }, typedEmail: 'ann@example' });
  });

  it('reports a bad address and missing consent together', () => {
    const result = parseSignup('form', form({ email: 'nope' }));
    expect(result.kind === 'invalid' && result.errors).toEqual({
      email: emailMessages.malformed,
      consent: requestMessages.consent,
    });
  });
});

describe('parseSignup: good input and the honeypot', () => {
  it.each([
    ['form', form({ email: '  Ann.Lee+news@Example.COM ', consent: 'yes', website: '' })],
    ['json', json({ email: 'Ann.Lee+news@Example.COM', consent: true, website: '' })],
    ['json without the honeypot key', json({ email: 'Ann.Lee+news@Example.COM', consent: true })],
  ] as [SignupFormat, string][])('accepts a %s signup and normalises the address', (format, body) => {
    expect(parseSignup(format, body)).toEqual({
      kind: 'signup',
      email: 'Ann.Lee+news@example.com',
      preferences: { market: null, functions: [] },
    });
  });

  it('accepts the checkbox default value "on" and an internationalised domain', () => {
    expect(parseSignup('form', form({ email: 'mei@例え.テスト', consent: 'on' }))).toEqual({
      kind: 'signup',
      email: 'mei@例え.テスト',
      preferences: { market: null, functions: [] },
    });
  });

  it('accepts an address of exactly 254 characters', () => {
    const exact = `${longLocal}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    expect(exact).toHaveLength(MAX_EMAIL_LENGTH);
    expect(parseSignup('json', json({ email: exact, consent: true })).kind).toBe('signup');
  });

  it.each([
    ['form', 'form', form({ email: 'ann@example.com', consent: 'yes', website: 'https://spam.example' })],
    ['json', 'json', json({ email: 'ann@example.com', consent: true, website: 'x' })],
    ['json with a non-string honeypot', 'json', json({ email: 'ann@example.com', consent: true, website: 1 })],
    ['form with an invalid address', 'form', form({ email: 'not-an-address', website: 'x' })],
  ] as [string, SignupFormat, string][])('treats a filled honeypot (%s) as a bot', (_name, format, body) => {
    expect(parseSignup(format, body)).toEqual({ kind: 'honeypot' });
  });
});

describe('signupFormat', () => {
  it.each([
    ['application/x-www-form-urlencoded', 'form'],
    ['application/x-www-form-urlencoded; charset=UTF-8', 'form'],
    ['Application/JSON; charset=utf-8', 'json'],
    ['text/plain', null],
    ['multipart/form-data; boundary=x', null],
    [null, null],
  ])('%s -> %s', (contentType, expected) => {
    expect(signupFormat(contentType)).toBe(expected);
  });
});

describe('normalizeEmail', () => {
  it('trims and lower-cases the domain only', () => {
    expect(normalizeEmail('  Mei.Lin@Bank.Example.COM\t')).toBe('Mei.Lin@bank.example.com');
  });
});
