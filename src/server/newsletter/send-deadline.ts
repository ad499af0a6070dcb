/** Transports time out on their own; this only keeps one that never settles from stalling a sender. */
export const SEND_DEADLINE_MS = 120_000;

/** The transport's answer, or a rejection once SEND_DEADLINE_MS has passed without one. */
export async function withDeadline(sending: Promise<void>, deadlineMs = SEND_DEADLINE_MS): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer from the mail transport in ${deadlineMs / 1000} s`)),
      deadlineMs,
    );
  });
  try {
    await Promise.race([sending, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
