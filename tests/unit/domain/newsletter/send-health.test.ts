import { describe, expect, it } from 'vitest';
import { pauseReason } from '../../../../src/domain/newsletter/send-health.ts';

describe('pauseReason', () => {
  it('lets up to 10 % of the first 200 attempts fail', () => {
    expect(pauseReason({ recipients: 5_000, attempts: 150, failures: 20 })).toBeNull();
  });

  it('pauses as soon as more than 10 % of the first 200 have failed, and says why', () => {
    expect(pauseReason({ recipients: 5_000, attempts: 30, failures: 21 })).toMatch(
      /21 of the first 30 attempts failed .*first 200.*send again to resume/,
    );
  });

  it('does not count failures after the first 200 attempts (an outage later in a healthy send)', () => {
    expect(pauseReason({ recipients: 20_000, attempts: 6_021, failures: 21 })).toBeNull();
  });

  it('watches a small list whole', () => {
    expect(pauseReason({ recipients: 50, attempts: 10, failures: 5 })).toBeNull();
    expect(pauseReason({ recipients: 50, attempts: 10, failures: 6 })).not.toBeNull();
  });
});
