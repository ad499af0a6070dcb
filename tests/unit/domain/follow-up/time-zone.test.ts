import { describe, expect, it } from 'vitest';
import { parseWallTime } from '../../../../src/domain/follow-up/civil-date.ts';
import { zoneAbbreviation, formatMoment } from '../../../../src/domain/follow-up/format-time.ts';
import { canonicalTimeZone } from '../../../../src/domain/follow-up/time-zone-name.ts';
import { formatZonedIso, offsetMinutes, toInstant } from '../../../../src/domain/follow-up/time-zone.ts';

const instantOf = (zone: string, wall: string) => toInstant(zone, parseWallTime(wall)!);

describe('time zones through Intl', () => {
  it.each([
    ['Asia/Singapore', '2026-12-07T09:30', '2026-12-07T01:30:00.000Z'],
    ['Europe/London', '2026-07-01T09:30', '2026-07-01T08:30:00.000Z'],
    ['Europe/London', '2026-12-01T09:30', '2026-12-01T09:30:00.000Z'],
    ['America/New_York', '2026-12-01T09:30', '2026-12-01T14:30:00.000Z'],
    ['America/New_York', '2026-03-08T02:30', '2026-03-08T07:30:00.000Z'],
    ['America/New_York', '2026-11-01T01:30', '2026-11-01T05:30:00.000Z'],
    ['Asia/Kathmandu', '2026-12-01T09:30', '2026-12-01T03:45:00.000Z'],
  ])('%s wall time %s is %s', (zone, wall, utc) => {
    expect(new Date(instantOf(zone, wall)).toISOString()).toBe(utc);
  });

  it('writes the offset the zone has at that instant', () => {
    expect(formatZonedIso('America/New_York', Date.parse('2026-03-09T13:30:00Z'))).toBe('2026-03-09T09:30-04:00');
    expect(formatZonedIso('Asia/Kathmandu', Date.parse('2026-12-01T03:45:00Z'))).toBe('2026-12-01T09:30+05:45');
    expect(offsetMinutes('Asia/Singapore', Date.parse('2026-12-01T00:00:00Z'))).toBe(480);
  });

  it('knows real zones and refuses made-up ones', () => {
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    expect(canonicalTimeZone('Europe/Atlantis')).toBeUndefined();
    expect(canonicalTimeZone('')).toBeUndefined();
  });

  it('shows times with a zone abbreviation readers know', () => {
    expect(zoneAbbreviation('Europe/London', Date.parse('2026-07-01T08:30:00Z'))).toBe('BST');
    expect(zoneAbbreviation('America/New_York', Date.parse('2026-12-01T14:30:00Z'))).toBe('EST');
    expect(formatMoment(Date.parse('2026-12-07T01:30:00Z'), 'Asia/Singapore')).toBe('Mon, 7 Dec 2026, 09:30 GMT+8');
  });
});
