// The daily send time setting, HH:MM on a 24-hour clock. Kept apart from send-schedule.ts so that
// config.ts, which browser code imports too, does not pull the time-zone library into pages.
const HOURS_MINUTES = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isSendTime(value: string): boolean {
  return HOURS_MINUTES.test(value);
}
