/**
 * How long to wait before attempt number `attempt` + 1 after `attempt` failures: doubling from
 * baseMs up to maxMs, spread by +-20 % so that many messages failing together do not all retry in
 * the same instant when the mail server comes back.
 */
export function retryDelayMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const doubled = baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30));
  const capped = Math.min(doubled, maxMs);
  return Math.round(capped * (0.8 + 0.4 * random()));
}
