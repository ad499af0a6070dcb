// The words a reader agrees to when ticking the signup box. Each subscriber row records which
// version they saw, so change the version whenever the wording changes.

export const CONSENT_TEXT = 'Send me the daily newsletter. I can unsubscribe at any time.';
export const CONSENT_TEXT_VERSION = 'consent-2025-1';
