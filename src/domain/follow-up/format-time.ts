/** How the plan writes an instant for people: "Mon, 7 Dec 2026, 09:30 GMT+8". */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const zoneNameFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, key: string, make: () => Intl.DateTimeFormat) {
  let format = cache.get(key);
  if (!format) cache.set(key, (format = make()));
  return format;
}

/**
 * The zone's short name at that instant. Intl's names depend on the locale (en-GB knows BST,
 * en-US knows EST), so take whichever locale gives letters, else the GMT offset form.
 */
export function zoneAbbreviation(timeZone: string, instant: number): string {
  const names = ['en-GB', 'en-US'].map((locale) => {
    const format = cached(
      zoneNameFormats,
      `${locale} ${timeZone}`,
      () => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }),
    );
    return format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  });
  return names.find((name) => /^[A-Z]{2,5}$/.test(name) && name !== 'GMT') ?? names[0];
}

export function formatMoment(instant: number, timeZone: string): string {
  const format = cached(
    dateTimeFormats,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  );
  return `${format.format(instant)} ${zoneAbbreviation(timeZone, instant)}`;
}
