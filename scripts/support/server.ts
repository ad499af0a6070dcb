// The one way tests, the benchmark, the load run and Lighthouse start the production server
// (scripts/server.ts over a build): loopback, its own port and data folder, ready once it logs
// "Serving on".
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnvironment } from '../../src/config.ts';
import { freePort } from './free-port.ts';
import { projectRoot } from './project.ts';

export interface RunningServer {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  url: string;
  port: number;
  dataDir: string;
  /** The server process, for a test that kills it outright. */
  child: ChildProcess;
  /** SIGTERM (the server drains and closes its database), SIGKILL after 5 s; removes a data folder made here. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Defaults to a free loopback port. */
  port?: number;
  /** Which of the server's output reaches this process's own; all of it is in the error if it fails to start. */
  show?: 'nothing' | 'errors' | 'everything';
}

const startTimeoutMs = 30_000;
const stopGraceMs = 5_000;

/**
 * Starts the server with `settings` (its environment variables: SMTP_URL, DIST_DIR, TRUST_PROXY ...)
 * on top of this process's environment. Without DATA_DIR it gets a fresh folder, removed on stop.
 */
export async function startServer(
  settings: Record<string, string> = {},
  options: StartOptions = {},
): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const show = options.show ?? 'nothing';
  const dataDir = settings.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ft-server-'));
  const child = spawn(process.execPath, [join(projectRoot, 'scripts', 'server.ts')], {
    cwd: projectRoot,
    env: childEnvironment({ HOST: '127.0.0.1', PORT: String(port), ...settings, DATA_DIR: dataDir }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  let ready = false;
  await new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${startTimeoutMs / 1000} s:\n${output}`));
    }, startTimeoutMs);
    const listen = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      if (show === 'everything' || (show === 'errors' && stream === 'stderr')) process[stream].write(chunk);
      if (ready) return;
      output += chunk;
      if (output.includes('Serving on')) {
        ready = true;
        clearTimeout(timeout);
        resolve();
      }
    };
    child.stdout.on('data', listen('stdout'));
    child.stderr.on('data', listen('stderr'));
    child.once('exit', (code, signal) => {
      clearTimeout(timeout);
      if (!ready) reject(new Error(`the server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const forced = setTimeout(() => child.kill('SIGKILL'), stopGraceMs);
        await exited;
        clearTimeout(forced);
      }
      if (!settings.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
