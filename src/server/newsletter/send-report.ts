// What the operator reads about a send: the one-line outcome of `send` (and of the scheduler's
// log line) and the lines of `status`.

import type { IssueSendSummary } from './deliveries-store.ts';
import { IN_FLIGHT, type SendOutcome } from './issue-sender.ts';

const iso = (time: number | null) => (time === null ? '-' : new Date(time).toISOString());

function counts(summary: IssueSendSummary): string {
  const { sent, failed, bounced, skipped, pending, sending } = summary.counts;
  const left = pending + sending;
  return (
    `${sent} sent, ${bounced} bounced, ${failed} failed, ${skipped} skipped (unsubscribed or late)` +
    (left > 0 ? `, ${left} still to send` : '') +
    `; possible duplicates: ${summary.possibleDuplicates}`
  );
}

export function describeOutcome(date: string, outcome: SendOutcome): string {
  switch (outcome.kind) {
    case 'too-late':
      return `Issue ${date} was due at ${iso(outcome.dueAt)} and never started; it is past the send window, so it was not sent. Use send --force to send it anyway.`;
    case 'busy':
      return `Issue ${date} is being sent by another sender (${outcome.owner}); nothing to do.`;
    case 'already-sent':
      return `Issue ${date} was already sent to everyone (${counts(outcome.summary)}); nothing to do.`;
    case 'finished':
      return `Issue ${date} ${outcome.resumed ? 'resumed and finished' : 'sent'}: ${counts(outcome.summary)}.`;
    case 'paused':
      return `Issue ${date} paused: ${outcome.summary.pauseReason}. So far: ${counts(outcome.summary)}.`;
    case 'stopped':
      return `Issue ${date} stopped before the end (${counts(outcome.summary)}); the next send resumes it.`;
    case 'waiting':
      return `Issue ${date}: sent to every market whose time has come (${counts(outcome.summary)}); the server's scheduler sends the rest at each market's time, or send --force sends them now.`;
    case 'lost-lease':
      return `Issue ${date}: another sender took it over; this one stopped (${counts(outcome.summary)}).`;
  }
}

export function statusLines(summary: IssueSendSummary): string[] {
  const { counts: c } = summary;
  return [
    `Issue ${summary.issueDate}: ${summary.state}${summary.pauseReason ? ` (${summary.pauseReason})` : ''}`,
    `  recipients           ${summary.recipients}`,
    `  sent                 ${c.sent}`,
    `  pending              ${c.pending + c.sending}`,
    `  failed               ${c.failed}`,
    `  bounced              ${c.bounced}`,
    `  skipped              ${c.skipped}`,
    `  possible duplicates  ${summary.possibleDuplicates} (in flight at a crash; at most ${IN_FLIGHT} per crash)`,
    `  started              ${iso(summary.startedAt)}`,
    `  finished             ${iso(summary.finishedAt)}`,
    ...(summary.leaseOwner ? [`  sender               ${summary.leaseOwner}`] : []),
  ];
}
