// Subscriber data (addresses, consent, live confirmation tokens) is for the server's own user only:
// folders 0700, files 0600. Modes are set explicitly after creating, so the umask cannot widen them,
// and folders and files an earlier release left open are closed on start.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `folder` (and its parents) if missing and makes it private. */
export function privateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  chmodSync(folder, PRIVATE_FOLDER_MODE);
}

/** Makes `file` private if it exists. */
export function makePrivate(file: string): void {
  if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}

/** Creates `file` empty if missing and makes it private, so whatever opens it next finds it closed to others. */
export function privateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  chmodSync(file, PRIVATE_FILE_MODE);
}

/** Makes `folder` and every file directly in it private. */
export function privateFolderAndFiles(folder: string): void {
  privateFolder(folder);
  for (const entry of readdirSync(folder, { withFileTypes: true }))
    if (entry.isFile()) chmodSync(join(folder, entry.name), PRIVATE_FILE_MODE);
}
