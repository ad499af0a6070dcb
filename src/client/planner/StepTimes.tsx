import { formatMoment } from '../../domain/follow-up/format-time.ts';
import type { PlanStep } from '../../domain/follow-up/schedule.ts';
import { formatZonedIso, offsetMinutes } from '../../domain/follow-up/time-zone.ts';

const ROLES = [
  ['earliest', 'Earliest'],
  ['ideal', 'Best time'],
  ['latest', 'Latest'],
] as const;

interface Props {
  step: PlanStep;
  /** The interviewer's zone: the times that count. */
  timeZone: string;
  /** The reader's zone, shown as well when its clock differs. */
  readerZone: string;
}

/** The send window: three <time> elements carrying full ISO instants with the interviewer's offset. */
export function StepTimes({ step, timeZone, readerZone }: Props) {
  return (
    <dl class="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
      {ROLES.map(([role, label]) => {
        const instant = step[role];
        const differs = offsetMinutes(timeZone, instant) !== offsetMinutes(readerZone, instant);
        return (
          <>
            <dt class="text-muted">{label}</dt>
            <dd>
              <time
                data-role={role}
                dateTime={formatZonedIso(timeZone, instant)}
                class={role === 'ideal' ? 'font-semibold' : ''}
              >
                {formatMoment(instant, timeZone)}
              </time>
              {differs && <span class="text-muted"> (your time: {formatMoment(instant, readerZone)})</span>}
            </dd>
          </>
        );
      })}
    </dl>
  );
}
