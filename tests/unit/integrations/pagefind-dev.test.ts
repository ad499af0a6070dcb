// `astro dev` serves the last build's search bundle (every index in it) under the base path.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AstroIntegration } from 'astro';
import pagefindSearch from '../../../src/integrations/pagefind/index';

type Hooks = AstroIntegration['hooks'];
type ConfigDone = Parameters<NonNullable<Hooks['astro:config:done']>>[0];
type ServerSetup = Parameters<NonNullable<Hooks['astro:server:setup']>>[0];

function fakeLogger() {
  const lines: string[] = [];
  const logger = {
    info: (m: string) => lines.push(`info ${m}`),
    warn: (m: string) => lines.push(`warn ${m}`),
    error: (m: string) => lines.push(`error ${m}`),
    debug: () => {},
    fork: () => logger,
  };
  return { lines, logger };
}

let siteDir: string;

beforeEach(async () => {
  siteDir = await mkdtemp(path.join(tmpdir(), 'pagefind-dev-'));
});
afterEach(async () => {
  await rm(siteDir, { recursive: true, force: true });
});

describe('astro dev', () => {
  type Middleware = (req: { url?: string }, res: FakeResponse, next: () => void) => void;
  interface FakeResponse {
    headers: Record<string, string>;
    body?: Buffer;
    done: Promise<void>;
    setHeader(name: string, value: string): void;
    end(body: Buffer): void;
  }
  function fakeResponse(): FakeResponse {
    let finish = () => {};
    const res: FakeResponse = {
      headers: {},
      done: new Promise<void>((resolve) => (finish = resolve)),
      setHeader(name, value) {
        res.headers[name] = value;
      },
      end(body) {
        res.body = body;
        finish();
      },
    };
    return res;
  }

  async function startDev(base: string) {
    const integration = pagefindSearch();
    const outDir = pathToFileURL(`${siteDir}/`);
    await integration.hooks['astro:config:done']!({
      config: { base, outDir, build: { client: new URL('client/', outDir) } },
      buildOutput: 'server',
    } as unknown as ConfigDone);
    let middleware: Middleware | undefined;
    const { lines, logger } = fakeLogger();
    await integration.hooks['astro:server:setup']!({
      server: { middlewares: { use: (fn: Middleware) => (middleware = fn) } },
      logger,
    } as unknown as ServerSetup);
    /** Resolves with the response when served, or with 'next' when the request is passed on. */
    const request = (url: string) =>
      new Promise<FakeResponse | 'next'>((resolve) => {
        const res = fakeResponse();
        res.done.then(() => resolve(res));
        middleware!({ url }, res, () => resolve('next'));
      });
    return { lines, request };
  }

  it('serves the last build’s index under the base path', async () => {
    await mkdir(path.join(siteDir, 'client', 'pagefind'), { recursive: true });
    await writeFile(path.join(siteDir, 'client', 'pagefind', 'pagefind.js'), 'export const search = 1;');
    const { lines, request } = await startDev('/careers');

    const res = await request('/careers/pagefind/pagefind.js?v=1');

    expect(res).not.toBe('next');
    const served = res as FakeResponse;
    expect(served.body?.toString()).toBe('export const search = 1;');
    expect(served.headers['Content-Type']).toMatch(/^text\/javascript/);
    expect(lines.join('\n')).toMatch(/index from the last build/);
  });

  it('serves the list of archive indexes and the archives’ files too', async () => {
    const archive = path.join(siteDir, 'client', 'pagefind', 'archive-0123456789abcdef');
    await mkdir(archive, { recursive: true });
    await writeFile(path.join(siteDir, 'client', 'pagefind', 'pagefind.js'), '');
    await writeFile(
      path.join(siteDir, 'client', 'pagefind', 'archives.json'),
      '{"archives":["archive-0123456789abcdef/"]}',
    );
    await writeFile(path.join(archive, 'pagefind-entry.json'), '{"version":"1.6.0"}');
    const { request } = await startDev('/');

    const list = (await request('/pagefind/archives.json')) as FakeResponse;
    expect(JSON.parse(list.body!.toString())).toEqual({ archives: ['archive-0123456789abcdef/'] });
    expect(list.headers['Content-Type']).toMatch(/^application\/json/);
    const entry = (await request('/pagefind/archive-0123456789abcdef/pagefind-entry.json')) as FakeResponse;
    expect(entry.body?.toString()).toBe('{"version":"1.6.0"}');
  });

  it('says clearly that there is no index yet, and leaves other requests to Astro', async () => {
    const { lines, request } = await startDev('/');

    expect(lines.join('\n')).toMatch(/No search index yet.*npm run build/);
    expect(await request('/pagefind/pagefind.js')).toBe('next');
    expect(await request('/advice/')).toBe('next');
  });

  it('never serves files outside the bundle folder', async () => {
    await mkdir(path.join(siteDir, 'client', 'pagefind'), { recursive: true });
    await writeFile(path.join(siteDir, 'client', 'secret.txt'), 'not for readers');
    const { request } = await startDev('/');

    expect(await request('/pagefind/..%2Fsecret.txt')).toBe('next');
    expect(await request('/pagefind/../secret.txt')).toBe('next');
    expect(await request('/pagefind/%E0%A4%A')).toBe('next');
  });
});
