import type { FieldErrors } from '../../domain/follow-up/planner-input.ts';
import { HOLIDAY_CALENDARS } from '../../domain/follow-up/holiday-calendars.ts';
import { STAGES } from '../../domain/follow-up/interview-stages.ts';
import { describedBy, Field } from './Field.tsx';
import { OutcomeFields } from './OutcomeFields.tsx';
import type { FormFields } from './form-fields.ts';
import { INPUT, PRIMARY } from './styles.ts';

/** Listed first; the full list of about 400 zones is built only when the reader opens the field. */
const COMMON_ZONES = ['Asia/Singapore', 'Asia/Hong_Kong', 'Europe/London', 'America/New_York'];

interface Props {
  fields: FormFields;
  errors: FieldErrors;
  /** IANA zones to offer beyond the common ones; the browser's full list arrives when the field is first used. */
  zones: string[];
  editing: boolean;
  onField(name: string, value: string): void;
  onZonesWanted(): void;
  onSubmit(): void;
}

/** The interview details. Labels are the spec's contract; every field is also a share-link parameter. */
export function PlannerForm({ fields, errors, zones, editing, onField, onZonesWanted, onSubmit }: Props) {
  const id = (name: string) => `fup-${name}`;
  const value = (name: string) => fields[name] ?? '';
  const bind = (name: string, hint?: string) => ({
    ...describedBy(id(name), errors[name as keyof FieldErrors], hint),
    name,
    value: value(name),
    onInput: (event: Event) => onField(name, (event.currentTarget as HTMLInputElement).value),
  });
  const box = (name: string) => ({
    ...describedBy(id(name), errors[name as keyof FieldErrors]),
    type: 'checkbox',
    name,
    class: 'size-5 accent-[var(--accent)]',
    checked: value(name) === '1',
    onChange: (event: Event) => onField(name, (event.currentTarget as HTMLInputElement).checked ? '1' : ''),
  });
  const text = (name: string, label: string, type = 'text', hint?: string) => (
    <Field id={id(name)} label={label} error={errors[name as keyof FieldErrors]} hint={hint}>
      <input {...bind(name, hint)} type={type} class={INPUT} />
    </Field>
  );
  const choose = (name: string, label: string, options: Record<string, string>, onFocus?: () => void) => (
    <Field id={id(name)} label={label} error={errors[name as keyof FieldErrors]}>
      <select {...bind(name)} onFocus={onFocus} class={INPUT}>
        {Object.entries(options).map(([key, text]) => (
          <option value={key}>{text}</option>
        ))}
      </select>
    </Field>
  );
  const zoneOptions = Object.fromEntries(
    [...new Set([value('tz'), ...COMMON_ZONES, ...zones])].map((zone) => [zone, zone.replace(/_/g, ' ')]),
  );

  return (
    <form
      class="grid gap-4 print:hidden sm:grid-cols-2"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {text('role', 'Role')}
      {text('company', 'Company')}
      {text('ended', 'Interview ended', 'datetime-local', "The interviewer's local time.")}
      {choose('tz', "Interviewer's time zone", zoneOptions, onZonesWanted)}
      {choose('holidays', 'Public holidays', HOLIDAY_CALENDARS)}
      {choose('stage', 'Interview stage', STAGES)}
      {text('decision', 'Decision date they gave', 'date')}
      {text('interviewers', 'Interviewers', 'text', 'Names separated by commas: one thank-you each.')}
      <fieldset class="grid gap-3 sm:col-span-2">
        <legend class="mb-2 font-medium">What they told you</legend>
        <Field id={id('asked')} label="They asked me to follow up" error={errors.asked} inline>
          <input {...box('asked')} />
        </Field>
        <div class="ml-7 max-w-xs">
          <Field id={id('askedDate')} label="Follow up on" error={errors.askedDate}>
            <input {...bind('askedDate')} type="date" class={INPUT} disabled={value('asked') !== '1'} />
          </Field>
        </div>
        <Field id={id('noFollowUp')} label="They asked me not to follow up" error={errors.noFollowUp} inline>
          <input {...box('noFollowUp')} />
        </Field>
        <Field id={id('agency')} label="Through an agency recruiter" error={errors.agency} inline>
          <input {...box('agency')} />
        </Field>
      </fieldset>
      <OutcomeFields outcome={value('outcome')} errors={errors} bind={bind} />
      <p class="sm:col-span-2">
        <button type="submit" class={PRIMARY}>
          {editing ? 'Update my plan' : 'Plan my follow-ups'}
        </button>
      </p>
    </form>
  );
}
