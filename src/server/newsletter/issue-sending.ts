// The issue sender wired to the settings, for the server's scheduler and the newsletter CLI alike.

import type { DatabaseSync } from 'node:sqlite';
import type { AppConfig } from '../../config.ts';
import { createDeliveriesStore } from './deliveries-store.ts';
import { createIssueComposer } from './issue-message.ts';
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
  const composer = createIssueComposer({ siteUrl: config.siteUrl, secret });
  const sender = createIssueSender({
    deliveries,
    transport,
    compose: composer.compose,
    schedule: { sendTime: config.newsletterSendTime, timeZone: config.newsletterTimeZone },
    sendWindowHours: config.newsletterSendWindowHours,
    ratePerSecond: config.newsletterRatePerSecond,
    retryBaseMs: config.outboxRetryBaseMs,
    retryMaxMs: config.outboxRetryMaxMs,
    owner: senderIdentity(),
    log,
  });
  return { deliveries, sender, composer };
}
