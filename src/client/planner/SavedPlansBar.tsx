import { FOCUS_LIMIT, savedPlanLabel } from '../../domain/follow-up/saved-plans.ts';
import { articleUrl } from '../../domain/urls.ts';
import type { SavedPlans, StorageProblem } from '../../domain/follow-up/plan-store.ts';
import { BUTTON, INPUT, NOTICE } from './styles.ts';

interface Props {
  saved: SavedPlans;
  activeCount: number;
  problem?: StorageProblem;
  onSwitch(id: string): void;
  onNew(): void;
  onDelete(): void;
}

const FOCUS_ADVICE = `${articleUrl('interview-follow-through')}#focus-attention-is-limited`;

/** Switching between saved interviews, plus what the reader must know about saving. */
export function SavedPlansBar({ saved, activeCount, problem, onSwitch, onNew, onDelete }: Props) {
  return (
    <div class="mb-6 grid gap-3 print:hidden">
      {problem === 'set-aside' && (
        <p role="alert" class={NOTICE}>
          Your saved plans could not be read (the data was damaged or from another version), so they were set aside and
          the planner started afresh.
        </p>
      )}
      {problem === 'blocked' && (
        <p role="alert" class={NOTICE}>
          This browser is not letting the planner save, so your plan will be gone when you leave. Everything else works;
          bookmark the plan's link to keep it.
        </p>
      )}
      {activeCount > FOCUS_LIMIT && (
        <p role="status" class={NOTICE}>
          You are following up on {activeCount} interviews at once. Attention is limited: give the full follow-through
          to the roles you truly want. <a href={FOCUS_ADVICE}>Why focus matters</a>
        </p>
      )}
      {saved.plans.length > 0 && (
        <div class="flex flex-wrap items-end gap-2">
          <div class="min-w-0 grow">
            <label for="fup-saved" class="font-medium">
              Saved plans
            </label>
            <select
              id="fup-saved"
              class={INPUT}
              value={saved.currentId ?? ''}
              onInput={(event) => onSwitch(event.currentTarget.value)}
            >
              {!saved.currentId && <option value="">New plan</option>}
              {saved.plans.map((plan) => (
                <option value={plan.id}>{savedPlanLabel(plan)}</option>
              ))}
            </select>
          </div>
          <button type="button" class={BUTTON} onClick={onNew}>
            New plan
          </button>
          {saved.currentId && (
            <button type="button" class={BUTTON} onClick={onDelete}>
              Delete this plan
            </button>
          )}
        </div>
      )}
    </div>
  );
}
