// The specs' way to Chromium, shared with the scripts (scripts/support/chromium.ts).
export { chromiumArgs, chromiumPath } from '../../../scripts/support/chromium.ts';
