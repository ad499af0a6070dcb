// One subscriber per mailbox (issue 16, item 5; spec: newsletter.md, signup step 2): the key is the
// whole address lower-cased with an internationalised domain in its ASCII form.
import { describe, expect, it } from 'vitest';
import { emailKey } from '../../../../src/domain/newsletter/email-address.ts';

describe('emailKey', () => {
  it('lower-cases the whole address', () => {
    for (const address of [
      'MixedCase@example.com',
      'mixedcase@example.com',
      'MIXEDCASE@EXAMPLE.COM',
      ' MixedCase@Example.com ',
    ])
      expect(emailKey(address)).toBe('mixedcase@example.com');
  });

  it('writes an internationalised domain in its ASCII form', () => {
    expect(emailKey('user@bücher.de')).toBe('user@xn--bcher-kva.de');
    expect(emailKey('user@BÜCHER.de')).toBe('user@xn--bcher-kva.de');
    expect(emailKey('user@xn--bcher-kva.de')).toBe('user@xn--bcher-kva.de');
  });
});
