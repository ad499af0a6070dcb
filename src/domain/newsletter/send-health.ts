// When a send stops itself: too many failures at the start usually mean a misconfigured or
// blocked mail server, and carrying on would burn the whole list against it.

/** The attempts after a start or resume that are watched. */
export const WATCHED_ATTEMPTS = 200;
/** The share of the watched attempts that may fail before the send pauses. */
export const MAX_FAILURE_SHARE = 0.1;

export interface SendWindowCounts {
  /** Recipients still to be attempted when the watch began; a small list is watched whole. */
  recipients: number;
  attempts: number;
  failures: number;
}

/**
 * Why sending must pause, or null. It pauses as soon as the failures already exceed the share of
 * the watched attempts, since the remaining attempts could no longer bring it back under. Asked
 * after each failure: once past the watched attempts, the failure is not one of them (had those
 * been too many, sending would have paused already), so a mail server that goes down later in a
 * healthy send is left to the retries.
 */
export function pauseReason(counts: SendWindowCounts): string | null {
  const watched = Math.min(WATCHED_ATTEMPTS, counts.recipients);
  const allowed = Math.floor(watched * MAX_FAILURE_SHARE);
  if (watched === 0 || counts.attempts > watched || counts.failures <= allowed) return null;
  return (
    `${counts.failures} of the first ${Math.min(counts.attempts, watched)} attempts failed ` +
    `(more than ${MAX_FAILURE_SHARE * 100} % of the first ${watched}); check the mail server, then run send again to resume`
  );
}
