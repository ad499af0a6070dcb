import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateInZone,
  isPastSendWindow,
  marketSendTimes,
  scheduledSendAt,
  sendSpan,
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

describe('marketSendTimes: each market at breakfast in its own zone, across daylight-saving changes', () => {
  const at = (date: string) =>
    Object.fromEntries(
      Object.entries(marketSendTimes({ date, sendAt: null }, singapore).byMarket).map(([market, time]) => [
        market,
        new Date(time).toISOString().slice(11, 16),
      ]),
    );

  it('before any change in 2026: London on GMT, New York on EST', () => {
    expect(at('2026-03-06')).toEqual({
      singapore: '23:00',
      'hong-kong': '23:00',
      london: '07:00',
      'new-york': '12:00',
      elsewhere: '23:00',
      none: '23:00',
    });
  });

  it('New York moves first (2026-03-08), London three weeks later (2026-03-29)', () => {
    expect(at('2026-03-09')).toMatchObject({ london: '07:00', 'new-york': '11:00' });
    expect(at('2026-03-28')).toMatchObject({ london: '07:00', 'new-york': '11:00' });
    expect(at('2026-03-30')).toMatchObject({ london: '06:00', 'new-york': '11:00' });
  });

  it('London moves back first (2026-10-25), New York a week later (2026-11-01)', () => {
    expect(at('2026-10-24')).toMatchObject({ london: '06:00', 'new-york': '11:00' });
    expect(at('2026-10-26')).toMatchObject({ london: '07:00', 'new-york': '11:00' });
    expect(at('2026-10-31')).toMatchObject({ london: '07:00', 'new-york': '11:00' });
    expect(at('2026-11-02')).toMatchObject({ london: '07:00', 'new-york': '12:00' });
  });

  it('on the change days themselves, 07:00 local is after the change (it happens at 01:00 or 02:00)', () => {
    expect(at('2026-03-08')).toMatchObject({ 'new-york': '11:00' });
    expect(at('2026-03-29')).toMatchObject({ london: '06:00' });
    expect(at('2026-10-25')).toMatchObject({ london: '07:00' });
    expect(at('2026-11-01')).toMatchObject({ 'new-york': '12:00' });
  });

  it('Singapore (the issue date) starts the day before in UTC; New York is last', () => {
    const times = marketSendTimes({ date: '2026-12-02', sendAt: null }, singapore);
    expect(new Date(times.first).toISOString()).toBe('2026-12-01T23:00:00.000Z');
    expect(new Date(times.last).toISOString()).toBe('2026-12-02T12:00:00.000Z');
    expect(sendSpan(times, ['london', 'none'])).toEqual({
      first: times.byMarket.none,
      last: times.byMarket.london,
    });
  });

  it("makes an issue's own sendAt one moment for every market", () => {
    const times = marketSendTimes({ date: '2026-12-02', sendAt: '2026-12-02T09:30:00+00:00' }, singapore);
    expect(new Set(Object.values(times.byMarket))).toEqual(new Set([Date.parse('2026-12-02T09:30:00Z')]));
  });
});
