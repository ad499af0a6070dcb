// One issue as an email to one reader: the build's HTML and text with their own links and their
// segment's "New jobs" section filled in, and the headers mail apps use to list and unsubscribe.

import { siteName } from '../../domain/site.ts';
import { personalize, type IssueEmail } from '../../domain/newsletter/issue-email.ts';
import { NO_PREFERENCE, type Preferences } from '../../domain/newsletter/preferences.ts';
import { createSegmentCache } from '../../domain/newsletter/segments.ts';
import { newsletterPreferencesUrl } from '../../domain/urls.ts';
import { listUnsubscribeHeaders, unsubscribeUrl } from './confirmation-email.ts';
import type { MailMessage } from './mail-transport.ts';
import { signPreferencesId } from './tokens.ts';

export interface IssueRecipient {
  email: string;
  subscriberId: string;
  messageId: string;
  /** Read at send time, so a change made after the recipients were frozen still counts. */
  preferences?: Preferences;
}

export interface IssueMessageSettings {
  siteUrl: string;
  secret: string;
}

/** RFC 2919 List-Id, so filters and mail apps see every issue as the same list. */
export function listId(siteUrl: string): string {
  return `${siteName} daily briefing <briefing.${new URL(siteUrl).hostname}>`;
}

export function preferencesUrl(siteUrl: string, secret: string, subscriberId: string): string {
  return `${siteUrl}${newsletterPreferencesUrl({ id: subscriberId, signature: signPreferencesId(secret, subscriberId) })}`;
}

type SegmentCache = ReturnType<typeof createSegmentCache>;

/**
 * Composes issue emails, rendering each segment's "New jobs" section once per issue (the cache
 * lives as long as the issue object the sender holds). `renders` counts those renders.
 */
export function createIssueComposer(settings: IssueMessageSettings) {
  const caches = new WeakMap<IssueEmail, SegmentCache>();
  let renders = 0;

  function cacheFor(issue: IssueEmail): SegmentCache | undefined {
    if (!issue.newJobs) return undefined;
    let cache = caches.get(issue);
    if (!cache) {
      cache = createSegmentCache(issue.newJobs);
      caches.set(issue, cache);
    }
    return cache;
  }

  return {
    compose(issue: IssueEmail, recipient: IssueRecipient): MailMessage {
      const cache = cacheFor(issue);
      const before = cache?.renders ?? 0;
      const section = cache?.section(recipient.preferences ?? NO_PREFERENCE);
      renders += (cache?.renders ?? 0) - before;
      return issueMessage(issue, recipient, settings, section);
    },
    /** Sections rendered so far, over every issue this composer saw. */
    get renders(): number {
      return renders;
    },
  };
}

export function issueMessage(
  issue: IssueEmail,
  recipient: IssueRecipient,
  settings: IssueMessageSettings,
  newJobs?: { html: string; text: string },
): MailMessage {
  const unsubscribe = unsubscribeUrl(settings.siteUrl, settings.secret, recipient.subscriberId);
  const preferences = preferencesUrl(settings.siteUrl, settings.secret, recipient.subscriberId);
  const section =
    newJobs ?? (issue.newJobs && createSegmentCache(issue.newJobs).section(recipient.preferences ?? NO_PREFERENCE));
  const { html, text } = personalize(
    issue,
    { unsubscribe_url: unsubscribe, preferences_url: preferences },
    section || undefined,
  );
  return {
    to: recipient.email,
    subject: issue.subject,
    html,
    text,
    messageId: recipient.messageId,
    headers: { ...listUnsubscribeHeaders(unsubscribe), 'List-Id': listId(settings.siteUrl) },
  };
}
