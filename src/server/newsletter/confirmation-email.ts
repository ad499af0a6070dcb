// The confirmation email and the links every newsletter email carries.

import { siteName } from '../../domain/site.ts';
import { newsletterConfirmUrl, newsletterUnsubscribeUrl } from '../../domain/urls.ts';
import type { MailMessage } from './mail-transport.ts';
import { signSubscriberId } from './tokens.ts';

/** A confirmation always carries the link the reader must open; file-mode delivery logs it. */
export type OutgoingMessage = MailMessage & { confirmUrl: string };

export function confirmUrl(siteUrl: string, token: string): string {
  return `${siteUrl}${newsletterConfirmUrl(token)}`;
}

export function unsubscribeUrl(siteUrl: string, secret: string, subscriberId: string): string {
  return `${siteUrl}${newsletterUnsubscribeUrl({ id: subscriberId, signature: signSubscriberId(secret, subscriberId) })}`;
}

/** RFC 2369 List-Unsubscribe plus RFC 8058 one-click, so mail apps can offer "Unsubscribe". */
export function listUnsubscribeHeaders(link: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface ConfirmationEmailInput {
  siteUrl: string;
  secret: string;
  /** The outbox row's Message-ID left part: random, stored with the row, so a retry sends the same id. */
  messageKey: string;
  subscriberId: string;
  to: string;
  token: string;
}

export function confirmationEmail(input: ConfirmationEmailInput): OutgoingMessage {
  const confirm = confirmUrl(input.siteUrl, input.token);
  const unsubscribe = unsubscribeUrl(input.siteUrl, input.secret, input.subscriberId);
  const host = new URL(input.siteUrl).hostname;
  const subject = `Confirm your subscription to ${siteName}`;
  const text = [
    `Someone, hopefully you, asked for the daily newsletter from ${siteName} at this address.`,
    '',
    'To confirm, open this link and press "Confirm subscription":',
    confirm,
    '',
    'The link works once and expires in 48 hours. If you did not ask for this, ignore this email:',
    'nothing will be sent to you.',
    '',
    `Unsubscribe: ${unsubscribe}`,
  ].join('\n');
  const html = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(subject)}</title></head><body>`,
    `<p>Someone, hopefully you, asked for the daily newsletter from ${escapeHtml(siteName)} at this address.</p>`,
    `<p><a href="${escapeHtml(confirm)}">Confirm your subscription</a></p>`,
    '<p>The link works once and expires in 48 hours. If you did not ask for this, ignore this email: nothing will be sent to you.</p>',
    `<p><a href="${escapeHtml(unsubscribe)}">Unsubscribe</a></p>`,
    '</body></html>',
  ].join('\n');
  return {
    to: input.to,
    subject,
    text,
    html,
    messageId: `<${input.messageKey}@${host}>`,
    headers: listUnsubscribeHeaders(unsubscribe),
    confirmUrl: confirm,
  };
}
