import { describe, expect, it } from 'vitest';
import { confirmationEmail } from '../../../../src/server/newsletter/confirmation-email.ts';
import { maskEmail } from '../../../../src/domain/newsletter/email-address.ts';
import { redactEmails } from '../../../../src/server/newsletter/log.ts';
import { verifySubscriberSignature } from '../../../../src/server/newsletter/tokens.ts';
import { testSecret } from './helpers.ts';

describe('confirmationEmail', () => {
  const message = confirmationEmail({
    siteUrl: 'https://news.example',
    secret: testSecret,
    messageKey: 'confirm-17',
    subscriberId: 'sub_123',
    to: 'mei@example.com',
    token: 'T'.repeat(43),
  });

  it('links to the confirm page with the token, in text and HTML', () => {
    const link = `https://news.example/newsletter/confirm/?token=${'T'.repeat(43)}`;
    expect(message.confirmUrl).toBe(link);
    expect(message.text).toContain(link);
    expect(message.html).toContain(`href="${link}"`);
  });

  it('carries a signed one-click unsubscribe link (RFC 8058)', () => {
    const header = message.headers['List-Unsubscribe'];
    const url = new URL(header.slice(1, -1));
    expect(url.origin + url.pathname).toBe('https://news.example/newsletter/unsubscribe/');
    expect(verifySubscriberSignature(testSecret, url.searchParams.get('id')!, url.searchParams.get('sig')!)).toBe(true);
    expect(message.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(message.text).toContain(url.href);
  });

  it('keeps the same Message-ID for the same outbox row', () => {
    expect(message.messageId).toBe('<confirm-17@news.example>');
  });
});

describe('keeping addresses out of logs', () => {
  it('masks an address to its first letter and domain', () => {
    expect(maskEmail('mei.lin@bank.example')).toBe('m***@bank.example');
  });

  it('redacts every address inside a mail server message', () => {
    expect(redactEmails('550 5.1.1 <mei.lin@bank.example>: user unknown; cc ann@x.example')).toBe(
      '550 5.1.1 <m***@bank.example>: user unknown; cc a***@x.example',
    );
  });
});
