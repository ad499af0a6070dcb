// The body of a POST to /newsletter/preferences/: save a market and job alerts, or unsubscribe.
import { FORM_FIELDS } from './form-fields.ts';
import { parsePreferences, type PreferenceErrors, type Preferences } from './preferences.ts';

/** The name of the submit buttons' field; its value says which button was pressed. */
export const PREFERENCES_ACTION = 'action';

export type PreferencesRequest =
  { kind: 'save'; preferences: Preferences } | { kind: 'unsubscribe' } | { kind: 'invalid'; errors: PreferenceErrors };

const ALLOWED = new Set<string>([PREFERENCES_ACTION, FORM_FIELDS.market, FORM_FIELDS.functions]);
const TAMPERED = 'The form sent something we do not accept. Please open the link in your latest issue again.';

/** Reads a form-encoded body; anything the page's form could not have sent is refused with a message. */
export function parsePreferencesRequest(body: string): PreferencesRequest {
  const params = new URLSearchParams(body);
  if ([...params.keys()].some((key) => !ALLOWED.has(key))) return { kind: 'invalid', errors: { market: TAMPERED } };
  const action = params.get(PREFERENCES_ACTION);
  if (action === 'unsubscribe') return { kind: 'unsubscribe' };
  if (action !== 'save') return { kind: 'invalid', errors: { market: TAMPERED } };
  const markets = params.getAll(FORM_FIELDS.market);
  const parsed = parsePreferences(markets.length > 1 ? markets : markets[0], params.getAll(FORM_FIELDS.functions));
  return parsed.ok ? { kind: 'save', preferences: parsed.preferences } : { kind: 'invalid', errors: parsed.errors };
}
