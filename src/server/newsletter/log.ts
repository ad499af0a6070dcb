// The newsletter's log lines. Callers pass masked addresses; redactEmails is the safety net for
// text we do not control, such as a mail server's error message quoting the recipient.

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const EMAIL_IN_TEXT = /([^\s<>"'@,;:]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

/** Replaces every email address in a text by its masked form. */
export function redactEmails(text: string): string {
  return text.replace(EMAIL_IN_TEXT, (_match, local: string, domain: string) => `${local[0]}***@${domain}`);
}

export function consoleLog(prefix = '[newsletter]'): Log {
  return {
    info: (message) => console.info(`${prefix} ${redactEmails(message)}`),
    warn: (message) => console.warn(`${prefix} ${redactEmails(message)}`),
    error: (message) => console.error(`${prefix} ${redactEmails(message)}`),
  };
}
