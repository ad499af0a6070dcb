// The key behind unsubscribe signatures and outbox sealing. An operator can set NEWSLETTER_SECRET;
// otherwise one is generated on first start and kept in DATA_DIR/secret, readable by its owner only,
// so links in emails already sent keep working after a restart.

import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { privateFolder } from './private-files.ts';

const MIN_SECRET_LENGTH = 32;

export function resolveNewsletterSecret(dataDir: string, fromEnvironment: string): string {
  if (fromEnvironment) {
    if (fromEnvironment.length < MIN_SECRET_LENGTH) {
      throw new Error(`NEWSLETTER_SECRET must be at least ${MIN_SECRET_LENGTH} characters long.`);
    }
    return fromEnvironment;
  }
  const file = join(dataDir, 'secret');
  privateFolder(dataDir);
  // Written whole to a private file, then linked into place: link() fails when the secret exists,
  // so two processes starting together agree on one secret and neither reads a half-written file.
  const draft = `${file}.${process.pid}.tmp`;
  writeFileSync(draft, randomBytes(32).toString('base64url') + '\n', { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  chmodSync(file, 0o600);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_SECRET_LENGTH)
    throw new Error(`${file} holds a secret that is too short; delete it to get a new one.`);
  return secret;
}
