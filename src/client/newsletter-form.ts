// Submits the newsletter form in place: JSON to the same endpoint, errors shown beside their
// fields and announced, success shown without a reload. NewsletterForm.astro loads this script when
// the reader first focuses a form; if it never loads, the form still posts normally.
import { FORM_FIELDS } from '../domain/newsletter/form-fields';
import type { SignupErrors } from '../domain/newsletter/signup-request';

type Field = keyof SignupErrors;
type Answer = { status?: string; errors?: SignupErrors };

/** The fields an answer can flag, in the order the reader meets them; each is named by FORM_FIELDS. */
const FIELDS: Field[] = ['email', 'market', 'functions', 'consent'];
const NETWORK_PROBLEM = 'We could not reach the server. Check your connection and try again.';
const SERVER_PROBLEM = 'Something went wrong on our side. Please try again in a minute.';

function enhance(form: HTMLFormElement): void {
  if (form.dataset.enhanced) return;
  form.dataset.enhanced = 'true';
  const block = form.closest('section') ?? form;
  const status = block.querySelector<HTMLElement>('[data-newsletter-status]')!;
  const success = block.querySelector<HTMLElement>('[data-newsletter-success]')!;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;

  /** A field's input, or the fieldset of a group of choices (radios, checkboxes sharing a name). */
  function fieldElement(name: string): HTMLElement {
    const item = form.elements.namedItem(name)!;
    return item instanceof RadioNodeList ? (item[0] as HTMLElement).closest('fieldset')! : (item as HTMLElement);
  }

  /** The message element of a field; a fieldset gets one after its legend when it first needs it. */
  function errorElement(input: HTMLElement, name: string, needed: boolean): HTMLElement | null {
    const found = block.querySelector<HTMLElement>(`[data-error-for="${name}"]`);
    if (found || !needed) return found;
    const message = document.createElement('p');
    message.id = `${form.id || 'newsletter'}-${name}-error`;
    message.className = 'font-semibold text-(--error)';
    message.dataset.errorFor = name;
    input.querySelector('legend')!.after(message);
    input.setAttribute('aria-describedby', message.id);
    return message;
  }

  function showErrors(errors: SignupErrors): void {
    for (const field of FIELDS) {
      const input = fieldElement(FORM_FIELDS[field]);
      const text = errors[field] ?? '';
      const message = errorElement(input, FORM_FIELDS[field], Boolean(text));
      if (!message) continue;
      message.textContent = '';
      if (text) {
        const label = document.createElement('span');
        label.className = 'sr-only';
        label.textContent = 'Error: ';
        message.append(label, text);
      }
      message.classList.toggle('hidden', !text);
      // A preference field folded away in its <details> is opened so the reader sees the message.
      const folded = input.closest('details');
      if (text && folded) folded.open = true;
      if (text) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (button.disabled) return;
    const data = new FormData(form);
    const body = JSON.stringify({
      [FORM_FIELDS.email]: String(data.get(FORM_FIELDS.email) ?? ''),
      [FORM_FIELDS.consent]: data.get(FORM_FIELDS.consent) === 'yes',
      [FORM_FIELDS.honeypot]: String(data.get(FORM_FIELDS.honeypot) ?? ''),
      [FORM_FIELDS.market]: String(data.get(FORM_FIELDS.market) ?? ''),
      [FORM_FIELDS.functions]: data.getAll(FORM_FIELDS.functions).map(String),
    });
    button.disabled = true;
    status.textContent = 'Signing you up…';
    let answer: Answer;
    let code: number;
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body,
      });
      code = response.status;
      answer = await response.json().catch(() => ({}));
    } catch {
      status.textContent = NETWORK_PROBLEM;
      button.disabled = false;
      return;
    }
    button.disabled = false;
    if (code === 202) {
      showErrors({});
      status.textContent = '';
      form.hidden = true;
      success.hidden = false;
      success.focus();
      return;
    }
    const errors = answer.errors ?? {};
    if (!FIELDS.some((field) => errors[field])) {
      status.textContent = SERVER_PROBLEM;
      return;
    }
    showErrors(errors);
    const messages = FIELDS.map((field) => errors[field]).filter(Boolean);
    status.textContent = `The signup did not go through: ${messages.join(' ')}`;
    const first = FIELDS.find((field) => errors[field]);
    const target = fieldElement(FORM_FIELDS[first!]);
    (target.matches('fieldset') ? target.querySelector('input')! : target).focus();
  });
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-newsletter-form]')) enhance(form);
