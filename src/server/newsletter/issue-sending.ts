// The issue sender wired to the settings, for the server's scheduler and the newsletter CLI alike.

import type { DatabaseSync } from 'node:sqlite';
import type { AppConfig } from '../../config.ts';
import { createDeliveriesStore } from './deliveries-store.ts';
import { issueMessage } from './issue-message.ts';
import { createIssueSender } from './issue-sender.ts';
import type { Log } from './log.ts';
import type { MailTransport } from './mail-transport.ts';
import { isSenderGone, senderIdentity } from './sender-identity.ts';

export function openIssueSending(
  config: AppConfig,
  db: DatabaseSync,
  secret: string,
  transport: MailTransport,
  log: Log,
) {
  const deliveries = createDeliveriesStore(db, {
    messageIdHost: new URL(config.siteUrl).hostname,
    isOwnerGone: isSenderGone,
  });
  const sender = createIssueSender({
    deliveries,
    transport,
    compose: (issue, recipient) => issueMessage(issue, recipient, { siteUrl: config.siteUrl, secret }),
    schedule: { sendTime: config.newsletterSendTime, timeZone: config.newsletterTimeZone },
    sendWindowHours: config.newsletterSendWindowHours,
    ratePerSecond: config.newsletterRatePerSecond,
    retryBaseMs: config.outboxRetryBaseMs,
    retryMaxMs: config.outboxRetryMaxMs,
    owner: senderIdentity(),
    log,
  });
  return { deliveries, sender };
}
