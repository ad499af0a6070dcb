import type { BusinessCalendar } from '../../domain/follow-up/business-days.ts';
import { formatMoment } from '../../domain/follow-up/format-time.ts';
import type { EmailMessage } from '../../domain/follow-up/messages.ts';
import { stepHeading } from '../../domain/follow-up/plan-calendar.ts';
import type { PlanStep } from '../../domain/follow-up/schedule.ts';
import { stepStanding } from '../../domain/follow-up/status.ts';
import { StepMessage } from './StepMessage.tsx';
import { StepTimes } from './StepTimes.tsx';

interface Props {
  step: PlanStep;
  message: EmailMessage;
  timeZone: string;
  readerZone: string;
  calendar: BusinessCalendar;
  now: number;
  doneAt?: number;
  onDone(stepId: string, done: boolean): void;
  onCopy(text: string, what: string): void;
}

const STATUS_TEXT = { upcoming: 'Upcoming', due: 'Due now', overdue: 'Overdue', done: 'Done' };

/** One step of the plan: what, why, when, the message, and the tick box. */
export function PlanStepItem({ step, message, timeZone, readerZone, calendar, now, doneAt, onDone, onCopy }: Props) {
  const standing = stepStanding(step, now, doneAt, timeZone, calendar);
  return (
    <li data-step={step.id} data-status={standing.status} class="break-inside-avoid rounded border border-border p-4">
      <div class="flex flex-wrap items-baseline justify-between gap-2">
        <h3 class="text-lg font-semibold">{stepHeading(step)}</h3>
        <p
          class={`text-sm font-semibold ${standing.status === 'overdue' ? 'text-[#a3231a] dark:text-[#ff9b8f]' : 'text-muted'}`}
        >
          <span class="sr-only">Status: </span>
          {STATUS_TEXT[standing.status]}
          {standing.sendNext && `: send at ${formatMoment(standing.sendNext, timeZone)}`}
        </p>
      </div>
      <p class="mt-1">{step.reason}</p>
      <StepTimes step={step} timeZone={timeZone} readerZone={readerZone} />
      {step.notes.length > 0 && (
        <ul class="mt-2 list-disc pl-5 text-sm">
          {step.notes.map((note) => (
            <li>{note}</li>
          ))}
        </ul>
      )}
      <StepMessage message={message} onCopy={onCopy} />
      <p class="mt-3">
        <label class="inline-flex items-center gap-2 font-medium">
          <input
            type="checkbox"
            class="size-5 accent-[var(--accent)]"
            checked={doneAt !== undefined}
            onChange={(event) => onDone(step.id, event.currentTarget.checked)}
          />
          Done
        </label>
        {doneAt !== undefined && <span class="ml-2 text-sm text-muted">ticked {formatMoment(doneAt, readerZone)}</span>}
      </p>
    </li>
  );
}
