import { Component } from 'preact';
import { guessHolidayCalendar } from '../../domain/follow-up/holiday-calendars.ts';
import {
  emptySavedPlans,
  loadSavedPlans,
  storeSavedPlans,
  type SavedPlans,
  type StorageProblem,
} from '../../domain/follow-up/plan-store.ts';
import type { FieldErrors } from '../../domain/follow-up/planner-input.ts';
import { isActivePlan, markDone, openPlan, removePlan } from '../../domain/follow-up/saved-plans.ts';
import type { FormFields } from './form-fields.ts';
import { PlannerForm } from './PlannerForm.tsx';
import { SavedPlansBar } from './SavedPlansBar.tsx';
import { hasPlannerParams } from '../../domain/follow-up/planner-params.ts';
import type * as EngineModule from './engine.ts';

type Engine = typeof EngineModule;
let engineLoad: Promise<Engine> | undefined;
const loadEngine = () => (engineLoad ??= import('./engine.ts'));

// Server render and first client render use these, so hydration matches; the reader's zone arrives after mount.
const START: FormFields = { tz: 'UTC', holidays: 'none', stage: 'mid' };
const openStorage = () => localStorage;

interface State {
  /** The reader's own time zone. */
  zone: string;
  zones: string[];
  fields: FormFields;
  errors: FieldErrors;
  saved: SavedPlans;
  problem?: StorageProblem;
  /** A short confirmation shown (and announced) for a few seconds. */
  said: string;
  /** Bumped on each successful submit so the plan's heading takes focus. */
  focusKey: number;
  engine?: Engine;
}

/**
 * The follow-up planner island: saved plans, the form, and the dated plan. A class component keeps
 * preact/hooks out of the first download; the plan's code (engine.ts) arrives when there is a plan.
 */
export default class PlannerApp extends Component<object, State> {
  state: State = { zone: 'UTC', zones: [], fields: START, errors: {}, saved: emptySavedPlans(), said: '', focusKey: 0 };
  private sayTimer?: ReturnType<typeof setTimeout>;

  componentDidMount() {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    const loaded = loadSavedPlans(openStorage);
    this.setState({ zone, problem: loaded.problem, saved: loaded.saved });
    const params = new URLSearchParams(location.search);
    if (hasPlannerParams(params)) {
      loadEngine().then((engine) => {
        if (!this.apply(engine, { stage: 'mid', ...Object.fromEntries(params) }, loaded.saved, null, zone)) {
          this.setState({ saved: { ...loaded.saved, currentId: null } });
        }
      });
    } else if (loaded.saved.currentId) {
      this.show(loaded.saved, zone);
    } else {
      this.setState({ fields: this.blankFields(zone) });
    }
  }

  componentDidUpdate() {
    if (this.current() && !this.state.engine) loadEngine().then((engine) => this.setState({ engine }));
  }

  current() {
    const { saved } = this.state;
    return saved.plans.find((plan) => plan.id === saved.currentId);
  }

  blankFields(zone: string): FormFields {
    return { ...START, tz: zone, holidays: guessHolidayCalendar(zone) };
  }

  say = (said: string) => {
    clearTimeout(this.sayTimer);
    this.setState({ said });
    this.sayTimer = setTimeout(() => this.setState({ said: '' }), 5000);
  };

  store(saved: SavedPlans) {
    this.setState({ saved });
    if (!storeSavedPlans(openStorage, saved)) this.setState({ problem: 'blocked' });
  }

  setUrl(query: string) {
    history.replaceState(history.state, '', `${query ? `?${query}` : location.pathname}${location.hash}`);
  }

  /** Validates the fields, shows errors beside them, and opens the plan when the interview's end is usable. */
  apply(
    { readPlannerParams, writePlannerParams }: Engine,
    raw: FormFields,
    base: SavedPlans,
    editingId: string | null,
    zone: string,
  ) {
    const { input, errors } = readPlannerParams(
      new URLSearchParams(Object.entries(raw).filter(([, value]) => value)),
      zone,
    );
    this.setState({ errors, fields: { ...raw, tz: input.tz, holidays: input.holidays, stage: input.stage } });
    if (errors.ended) return false;
    const query = writePlannerParams(input).toString();
    this.store(openPlan(base, query, Date.now(), editingId));
    this.setUrl(query);
    return true;
  }

  show(saved: SavedPlans, zone = this.state.zone) {
    const plan = saved.plans.find((candidate) => candidate.id === saved.currentId);
    this.setState({
      errors: {},
      fields: plan ? Object.fromEntries(new URLSearchParams(plan.query)) : this.blankFields(zone),
    });
    this.setUrl(plan?.query ?? '');
    this.store(saved);
  }

  submit = () =>
    loadEngine().then((engine) => {
      const { fields, saved, zone, focusKey } = this.state;
      if (this.apply(engine, fields, saved, saved.currentId, zone)) {
        this.setState({ focusKey: focusKey + 1 });
        this.say('Your plan is ready.');
      } else {
        document.getElementById('fup-ended')?.focus();
      }
    });

  // Building ~400 options at hydration would block the main thread; the list is built on first use instead.
  wantZones = () => this.state.zones.length || this.setState({ zones: Intl.supportedValuesOf('timeZone') });

  onField = (name: string, value: string) =>
    this.setState(({ fields }) => ({
      fields: { ...fields, [name]: value, ...(name === 'tz' && { holidays: guessHolidayCalendar(value) }) },
    }));

  copy = (text: string, what: string) =>
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(text))
      .then(
        () => this.say(`${what} copied.`),
        () => this.say('This browser blocked copying: select the text and copy it yourself.'),
      );

  render() {
    const { zone, zones, fields, errors, saved, problem, said, focusKey, engine } = this.state;
    const current = this.current();
    return (
      <div>
        <SavedPlansBar
          saved={saved}
          activeCount={saved.plans.filter(isActivePlan).length}
          problem={problem}
          onSwitch={(id) => this.show({ ...saved, currentId: id })}
          onNew={() => this.show({ ...saved, currentId: null })}
          onDelete={() => {
            if (current) this.show(removePlan(saved, current.id));
            this.say('Plan deleted.');
          }}
        />
        <PlannerForm
          fields={fields}
          errors={errors}
          zones={zones}
          editing={!!current}
          onField={this.onField}
          onZonesWanted={this.wantZones}
          onSubmit={this.submit}
        />
        {current && engine && (
          <engine.PlanView
            saved={current}
            readerZone={zone}
            focusKey={focusKey}
            onDone={(stepId, done) => this.store(markDone(saved, current.id, stepId, done ? Date.now() : undefined))}
            onCopy={this.copy}
            onSay={this.say}
          />
        )}
        <p
          role="status"
          class={
            said
              ? 'fixed inset-x-4 bottom-4 mx-auto max-w-md rounded bg-fg p-3 text-center text-bg print:hidden'
              : 'sr-only'
          }
        >
          {said}
        </p>
      </div>
    );
  }
}
