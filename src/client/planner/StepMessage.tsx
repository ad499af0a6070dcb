import { mailtoHref, type EmailMessage } from '../../domain/follow-up/messages.ts';
import { BUTTON } from './styles.ts';

interface Props {
  message: EmailMessage;
  onCopy(text: string, what: string): void;
}

/** The ready email, with the two ways to send it. */
export function StepMessage({ message, onCopy }: Props) {
  return (
    <div class="mt-3">
      <details class="print:hidden">
        <summary class="cursor-pointer font-medium text-accent">Read the message</summary>
        <div class="mt-2 rounded bg-surface p-3 text-sm">
          <p>
            <span class="font-semibold">Subject:</span> {message.subject}
          </p>
          <p class="mt-2 whitespace-pre-line">{message.body}</p>
        </div>
      </details>
      <p class="mt-2 flex flex-wrap gap-2 print:hidden">
        <button
          type="button"
          class={BUTTON}
          onClick={() => onCopy(`Subject: ${message.subject}\n\n${message.body}`, 'Message')}
        >
          Copy message
        </button>
        <a class={`${BUTTON} no-underline`} href={mailtoHref(message)}>
          Open in email app
        </a>
      </p>
    </div>
  );
}
