import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs, foldLine } from '../../../../src/domain/follow-up/ics.ts';
import { planCalendarEvents } from '../../../../src/domain/follow-up/plan-calendar.ts';
import { inputFrom, planFrom } from './support.ts';

const QUERY =
  'ended=2026-12-04T15:30&tz=Asia/Singapore&holidays=SG&decision=2026-12-11&interviewers=Ana Lim,Ben Ho' +
  '&role=Credit analyst; Asia&company=東亞銀行, Lion \\ Co';
const plan = planFrom(QUERY);
const ics = buildIcs(
  planCalendarEvents(plan, inputFrom(QUERY), 'plan42', 'follow-through.example'),
  Date.parse('2026-12-04T08:00:00Z'),
);

describe('calendar file (RFC 5545)', () => {
  it('parses in ical.js with one event per step, each starting at the step’s ideal time', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events).toHaveLength(plan.steps.length);
    events.forEach((event, index) => {
      const step = plan.steps[index];
      expect(event.startDate.toJSDate().getTime()).toBe(step.ideal);
      expect(event.uid).toBe(`plan42-${step.id}@follow-through.example`);
      expect(event.startDate.zone?.tzid).toBe('UTC');
    });
    expect(events[0].summary).toBe('Thank-you note to Ana Lim (Credit analyst; Asia, 東亞銀行, Lion \\ Co)');
    expect(events[0].description).toContain(
      'Send between Fri, 4 Dec 2026, 16:30 GMT+8 and Mon, 7 Dec 2026, 12:00 GMT+8.',
    );
    expect(events[0].description).toContain('\n\nHi Ana Lim,\n\n');
  });

  it('reminds 15 minutes before each event', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    for (const vevent of calendar.getAllSubcomponents('vevent')) {
      const alarm = vevent.getFirstSubcomponent('valarm')!;
      expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-PT15M');
    }
  });

  it('uses CRLF line ends and folds every line at 75 octets', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics).toMatch(/^DTSTART:20261207T013000Z\r$/m);
  });

  it('never splits a multi-byte character when folding', () => {
    const folded = foldLine(`SUMMARY:${'東'.repeat(40)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.map((line, index) => (index ? line.slice(1) : line)).join('')).toBe(`SUMMARY:${'東'.repeat(40)}`);
  });
});
