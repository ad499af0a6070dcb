// Guarantee 8: signups keep working while an issue goes out. The sender runs in this process, as
// the server's scheduler runs it; signups arrive on their own connection meanwhile. Generous bounds:
// this checks that they are served during the send, not how fast this machine is.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/server/newsletter/database.ts';
import { createSubscribersStore } from '../../../../src/server/newsletter/subscribers-store.ts';
import { testSecret } from './helpers.ts';
import { addConfirmedReaders, folders, issueFixture, sendingSmtpServer, testSender } from './sending-fixtures.ts';

const SIGNUPS = 25;

describe('8. signups during a send', () => {
  it('are each answered promptly while 2,000 emails go out through a real SMTP server', async () => {
    const { dataDir } = folders();
    const senderDb = openDatabase(dataDir);
    const signupDb = openDatabase(dataDir);
    addConfirmedReaders(senderDb, 2_000);
    const smtp = await sendingSmtpServer();
    const { sender, transport } = testSender(senderDb, smtp.url);
    const store = createSubscribersStore(signupDb, testSecret);
    try {
      let finished = false;
      const sending = sender.send(issueFixture()).finally(() => (finished = true));
      while (smtp.received.length < 100) await new Promise((resolve) => setTimeout(resolve, 5));

      const waits: number[] = [];
      const receivedAtSignup: number[] = [];
      for (let i = 0; i < SIGNUPS; i++) {
        const asked = performance.now();
        // The wait includes the turn of the event loop the signup needs, as a request would.
        await new Promise((resolve) => setImmediate(resolve));
        expect(store.subscribe(`newcomer${i}@example.com`, Date.now())).toBe('queued');
        waits.push(performance.now() - asked);
        receivedAtSignup.push(smtp.received.length);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const stillSending = !finished;
      const outcome = await sending;

      expect(outcome).toMatchObject({ kind: 'finished', summary: { counts: { sent: 2_000 } } });
      expect(stillSending).toBe(true);
      expect(receivedAtSignup.at(-1)).toBeLessThan(2_000);
      expect(Math.max(...waits)).toBeLessThan(1_000);
      expect(store.stats().pending).toBe(SIGNUPS);
    } finally {
      transport.close();
      await smtp.stop();
      senderDb.close();
      signupDb.close();
    }
  }, 60_000);
});
