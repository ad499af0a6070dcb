// Query strings carry confirmation tokens and unsubscribe signatures, so none reaches the log, even
// from code we do not own such as Astro's adapter logger (issue 16, item 4).
import { describe, expect, it } from 'vitest';
import { redactQueryStrings } from '../../../../src/server/http/log-redaction.ts';

describe('redactQueryStrings', () => {
  it('drops the query of a request path, wherever it stands in a line', () => {
    expect(
      redactQueryStrings('[ERROR] [@astrojs/node] Could not render /newsletter/confirm/?token=abc123', false),
    ).toBe('[ERROR] [@astrojs/node] Could not render /newsletter/confirm/?[redacted]');
    expect(redactQueryStrings('GET "/newsletter/unsubscribe/?id=x&sig=y" failed', false)).toBe(
      'GET "/newsletter/unsubscribe/?[redacted]" failed',
    );
  });

  it('leaves a full URL alone on the stream that carries the developer confirm link, and drops it elsewhere', () => {
    const line = 'mail written; confirm link: http://localhost:4321/newsletter/confirm/?token=abc';
    expect(redactQueryStrings(line, false)).toBe(line);
    expect(redactQueryStrings(line, true)).toBe(
      'mail written; confirm link: http://localhost:4321/newsletter/confirm/?[redacted]',
    );
  });

  it('leaves lines without a query alone', () => {
    const stack = '    at handle (file:///work/src/server/http/request-handler.ts:87:11)';
    expect(redactQueryStrings(stack, true)).toBe(stack);
  });
});
