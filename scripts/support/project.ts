// Where the project is on disk, so scripts find its files whatever folder they are started from.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.ts';

/** The checkout's root folder (the one holding package.json). */
export const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The build the server serves: DIST_DIR, relative to the project root unless absolute (default ./dist). */
export function builtSiteFolder(distDir = loadConfig().distDir): string {
  return resolve(projectRoot, distDir);
}
