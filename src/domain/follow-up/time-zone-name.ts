/** Checks a time-zone name against the platform's own tz database (Intl). */

/** The zone's canonical IANA name (`asia/singapore` becomes `Asia/Singapore`), or undefined when unknown. */
export function canonicalTimeZone(name: string): string | undefined {
  if (!name) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
