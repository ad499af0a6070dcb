import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateInZone,
  isPastSendWindow,
  scheduledSendAt,
} from '../../../../src/domain/newsletter/send-schedule.ts';
import { isSendTime } from '../../../../src/domain/newsletter/send-time.ts';

const singapore = { sendTime: '07:00', timeZone: 'Asia/Singapore' };

describe('scheduledSendAt', () => {
  it('is the daily send time in the newsletter time zone', () => {
    expect(new Date(scheduledSendAt({ date: '2026-11-30', sendAt: null }, singapore)).toISOString()).toBe(
      '2026-11-29T23:00:00.000Z',
    );
  });

  it('follows daylight saving time in zones that have it', () => {
    const london = { sendTime: '07:00', timeZone: 'Europe/London' };
    expect(new Date(scheduledSendAt({ date: '2026-07-01', sendAt: null }, london)).toISOString()).toBe(
      '2026-07-01T06:00:00.000Z',
    );
    expect(new Date(scheduledSendAt({ date: '2026-12-01', sendAt: null }, london)).toISOString()).toBe(
      '2026-12-01T07:00:00.000Z',
    );
  });

  it("uses the issue's own sendAt when it has one", () => {
    expect(
      new Date(scheduledSendAt({ date: '2026-11-30', sendAt: '2026-11-30T09:30:00+08:00' }, singapore)).toISOString(),
    ).toBe('2026-11-30T01:30:00.000Z');
  });
});

describe('isPastSendWindow', () => {
  const due = Date.parse('2026-11-29T23:00:00Z');
  it('allows a start up to the window after the send time, not later', () => {
    expect(isPastSendWindow(due + 6 * 3_600_000, due, 6)).toBe(false);
    expect(isPastSendWindow(due + 6 * 3_600_000 + 1, due, 6)).toBe(true);
  });
});

describe('dates and times', () => {
  it('tells the date in a zone, which may differ from UTC', () => {
    expect(dateInZone(Date.parse('2026-11-29T23:30:00Z'), 'Asia/Singapore')).toBe('2026-11-30');
    expect(dateInZone(Date.parse('2026-11-29T23:30:00Z'), 'Europe/London')).toBe('2026-11-29');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it.each([
    ['07:00', true],
    ['23:59', true],
    ['24:00', false],
    ['7:00', false],
    ['07:60', false],
  ])('isSendTime(%j) is %s', (value, expected) => {
    expect(isSendTime(value)).toBe(expected);
  });
});
