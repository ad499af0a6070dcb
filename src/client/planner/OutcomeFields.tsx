import type { FieldErrors } from '../../domain/follow-up/planner-input.ts';
import { ERROR, INPUT } from './styles.ts';
import { Field } from './Field.tsx';

interface Props {
  /** The outcome field's value: '', 'offer' or 'rejection'. */
  outcome: string;
  errors: FieldErrors;
  bind(name: string): Record<string, unknown>;
}

const OUTCOMES = { '': 'Not yet', offer: 'An offer', rejection: 'A rejection' };

/** Once the reader hears back, the check-ins stop and the plan answers the news instead. */
export function OutcomeFields({ outcome, errors, bind }: Props) {
  return (
    <fieldset class="sm:col-span-2" aria-describedby={errors.outcome ? 'fup-outcome-error' : undefined}>
      <legend class="mb-2 font-medium">Heard back?</legend>
      <div class="flex flex-wrap gap-x-6 gap-y-2">
        {Object.entries(OUTCOMES).map(([value, label]) => (
          <label class="flex items-center gap-2">
            <input
              type="radio"
              {...bind('outcome')}
              id={undefined}
              value={value}
              checked={outcome === value}
              class="size-5 accent-[var(--accent)]"
            />
            {label}
          </label>
        ))}
      </div>
      {errors.outcome && (
        <p id="fup-outcome-error" class={ERROR}>
          {errors.outcome}
        </p>
      )}
      {outcome && (
        <div class="mt-3 grid gap-4 sm:grid-cols-2">
          <Field id="fup-outcomeAt" label="When it arrived" error={errors.outcomeAt}>
            <input {...bind('outcomeAt')} type="datetime-local" class={INPUT} />
          </Field>
          {outcome === 'offer' && (
            <Field id="fup-deadline" label="Offer deadline" error={errors.deadline}>
              <input {...bind('deadline')} type="date" class={INPUT} />
            </Field>
          )}
        </div>
      )}
    </fieldset>
  );
}
