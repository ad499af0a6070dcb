// One issue as an email to one reader: the build's HTML and text with their own links filled in,
// and the headers mail apps use to list and unsubscribe.

import { siteName } from '../../domain/site.ts';
import { personalize, type IssueEmail } from '../../domain/newsletter/issue-email.ts';
import { listUnsubscribeHeaders, unsubscribeUrl } from './confirmation-email.ts';
import type { MailMessage } from './mail-transport.ts';

export interface IssueRecipient {
  email: string;
  subscriberId: string;
  messageId: string;
}

export interface IssueMessageSettings {
  siteUrl: string;
  secret: string;
}

/** RFC 2919 List-Id, so filters and mail apps see every issue as the same list. */
export function listId(siteUrl: string): string {
  return `${siteName} daily briefing <briefing.${new URL(siteUrl).hostname}>`;
}

export function issueMessage(
  issue: IssueEmail,
  recipient: IssueRecipient,
  settings: IssueMessageSettings,
): MailMessage {
  const unsubscribe = unsubscribeUrl(settings.siteUrl, settings.secret, recipient.subscriberId);
  const { html, text } = personalize(issue, { unsubscribe_url: unsubscribe });
  return {
    to: recipient.email,
    subject: issue.subject,
    html,
    text,
    messageId: recipient.messageId,
    headers: { ...listUnsubscribeHeaders(unsubscribe), 'List-Id': listId(settings.siteUrl) },
  };
}
