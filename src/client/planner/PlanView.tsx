import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { buildIcs } from '../../domain/follow-up/ics.ts';
import { businessCalendarFor } from '../../domain/follow-up/holiday-data.ts';
import { composeMessage } from '../../domain/follow-up/messages.ts';
import { planCalendarEvents } from '../../domain/follow-up/plan-calendar.ts';
import type { SavedPlan } from '../../domain/follow-up/plan-store.ts';
import { readPlannerParams } from '../../domain/follow-up/planner-input.ts';
import { scheduleFollowUps } from '../../domain/follow-up/schedule.ts';
import { PlanStepItem } from './PlanStepItem.tsx';
import { BUTTON, NOTICE } from './styles.ts';

interface Props {
  saved: SavedPlan;
  /** The reader's zone, for the second clock and the tick times. */
  readerZone: string;
  /** Changes when the reader submits the form: the plan's heading then takes focus. */
  focusKey: number;
  onDone(stepId: string, done: boolean): void;
  onCopy(text: string, what: string): void;
  onSay(text: string): void;
}

const TOOL_PATH = '/tools/follow-up-planner/';

/**
 * The dated plan: a region named "Your follow-up plan" holding the ordered steps.
 * Loaded only once there is a plan to show, so the form alone stays light.
 */
export function PlanView({ saved, readerZone, focusKey, onDone, onCopy, onSay }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [now, setNow] = useState(Date.now);
  const input = useMemo(
    () => readPlannerParams(new URLSearchParams(saved.query), readerZone).input,
    [saved.query, readerZone],
  );
  const calendar = useMemo(() => businessCalendarFor(input.holidays), [input.holidays]);
  const plan = scheduleFollowUps(input, calendar, saved.done);
  const shareUrl = `${location.origin}${TOOL_PATH}?${saved.query}`;

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (focusKey) heading.current?.focus();
  }, [focusKey]);

  if (!plan) return null;

  const downloadCalendar = () => {
    const ics = buildIcs(planCalendarEvents(plan, input, saved.id, location.hostname || 'localhost'), Date.now());
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
    link.download = 'follow-up-plan.ics';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    onSay('Calendar file downloaded: open it to add the reminders.');
  };

  return (
    <section aria-labelledby="fup-plan-heading" class="mt-8">
      <h2 id="fup-plan-heading" ref={heading} tabIndex={-1} class="text-2xl font-semibold">
        Your follow-up plan
      </h2>
      <p class="mt-1 text-sm text-muted">Times are the interviewer's ({plan.timeZone.replace(/_/g, ' ')}).</p>
      {plan.notes.map((note) => (
        <p class={`mt-3 ${NOTICE}`}>{note}</p>
      ))}
      <ol class="mt-4 grid gap-4">
        {plan.steps.map((step) => (
          <PlanStepItem
            key={step.id}
            step={step}
            message={composeMessage(input, step, plan.interviewDay)}
            timeZone={plan.timeZone}
            readerZone={readerZone}
            calendar={calendar}
            now={now}
            doneAt={saved.done[step.id]}
            onDone={onDone}
            onCopy={onCopy}
          />
        ))}
      </ol>
      <p class="mt-4 flex flex-wrap items-center gap-2 print:hidden">
        <button type="button" class={BUTTON} onClick={downloadCalendar}>
          Add to calendar
        </button>
        <button type="button" class={BUTTON} onClick={() => onCopy(shareUrl, 'Share link')}>
          Copy share link
        </button>
        <button type="button" class={BUTTON} onClick={() => print()}>
          Print
        </button>
        <a href={shareUrl}>Link to this plan</a>
      </p>
    </section>
  );
}
