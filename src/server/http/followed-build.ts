// The build the server answers from is the one dist/ points at now. `npm run build` switches dist/
// to a new folder in one step (scripts/astro-build.ts); each request looks where dist/ points (one
// realpath call) and, when that changed, the server opens the new build: its files, its pages'
// Content-Security-Policy and its on-demand routes, so the policy always matches the page it goes with.
import { realpathSync } from 'node:fs';

/**
 * Returns the current build, opening a new one (with `open`) when dist moves. While a new build opens,
 * requests keep the previous one; a build that fails to open is logged and the previous one stays.
 */
export function followBuild<Build>(
  dist: string,
  open: (folder: string) => Promise<Build>,
  onError: (folder: string, error: unknown) => void,
): () => Promise<Build> {
  let folder = realpathSync.native(dist);
  let current = open(folder);
  return () => {
    let now: string;
    try {
      now = realpathSync.native(dist);
    } catch {
      // dist is absent for an instant only when a real folder is first moved aside: keep serving.
      return current;
    }
    if (now !== folder) {
      const previous = current;
      folder = now;
      current = open(now).catch((error: unknown) => {
        onError(now, error);
        return previous;
      });
    }
    return current;
  };
}
