// The integration's contract with the build: index the client output, log the page count,
// and stop the build whenever Pagefind reports a problem. Pagefind itself is mocked here.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AstroIntegration } from 'astro';

const pagefindMock = vi.hoisted(() => ({
  createIndex: vi.fn(),
  close: vi.fn(async () => null),
}));
vi.mock('pagefind', () => pagefindMock);

const { default: pagefindSearch } = await import('../../../src/integrations/pagefind');

/** The pages Pagefind is asked to index. */
const pageGlob = '**/index.html';

type Hooks = AstroIntegration['hooks'];
type BuildDone = Parameters<NonNullable<Hooks['astro:build:done']>>[0];
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

/** A Pagefind index whose answers the test chooses; every call is recorded. */
function fakeIndex(answers: { addErrors?: string[]; pageCount?: number; writeErrors?: string[] } = {}) {
  const pageCount = answers.pageCount ?? 3;
  return {
    // Pagefind counts every file it read here, including pages without data-pagefind-body.
    addDirectory: vi.fn(async () => ({ errors: answers.addErrors ?? [], page_count: pageCount + 2 })),
    writeFiles: vi.fn(async ({ outputPath }: { outputPath: string }) => {
      if (!answers.writeErrors?.length) {
        await mkdir(outputPath, { recursive: true });
        const entry = JSON.stringify({
          version: '1.6.0',
          languages: { en: { hash: 'en_1', wasm: 'en', page_count: pageCount } },
        });
        await writeFile(path.join(outputPath, 'pagefind-entry.json'), entry.padEnd(2048));
      }
      return { errors: answers.writeErrors ?? [], outputPath };
    }),
  };
}

let siteDir: string;

beforeEach(async () => {
  siteDir = await mkdtemp(path.join(tmpdir(), 'pagefind-integration-'));
  pagefindMock.createIndex.mockReset();
  pagefindMock.close.mockClear();
});
afterEach(async () => {
  await rm(siteDir, { recursive: true, force: true });
});

async function runBuildDone() {
  const { lines, logger } = fakeLogger();
  const hook = pagefindSearch().hooks['astro:build:done']!;
  await hook({ dir: pathToFileURL(`${siteDir}/`), pages: [], assets: new Map(), logger } as unknown as BuildDone);
  return lines;
}

describe('astro:build:done', () => {
  it('indexes every page of the client output, writes the bundle beside it and logs the page count', async () => {
    const index = fakeIndex({ pageCount: 27 });
    pagefindMock.createIndex.mockResolvedValue({ errors: [], index });

    const lines = await runBuildDone();

    expect(index.addDirectory).toHaveBeenCalledWith({ path: siteDir, glob: pageGlob });
    expect(index.writeFiles).toHaveBeenCalledWith({ outputPath: path.join(siteDir, 'pagefind') });
    expect(lines).toEqual(['info Indexed 27 pages for search (2.0 kB in pagefind/).']);
    expect(pagefindMock.close).toHaveBeenCalledOnce();
  });

  it('leaves out error pages: the glob matches <path>/index.html only, never 404.html', () => {
    expect(path.matchesGlob('index.html', pageGlob)).toBe(true);
    expect(path.matchesGlob('advice/interview-follow-through/index.html', pageGlob)).toBe(true);
    expect(path.matchesGlob('404.html', pageGlob)).toBe(false);
    expect(path.matchesGlob('500.html', pageGlob)).toBe(false);
  });

  it('fails the build with Pagefind’s message when indexing reports errors', async () => {
    const index = fakeIndex({ addErrors: ['Failed to parse advice/broken/index.html'] });
    pagefindMock.createIndex.mockResolvedValue({ errors: [], index });

    await expect(runBuildDone()).rejects.toThrow(/Failed to parse advice\/broken\/index\.html/);
    expect(index.writeFiles).not.toHaveBeenCalled();
    expect(pagefindMock.close).toHaveBeenCalledOnce();
  });

  it('fails the build when the index cannot be created', async () => {
    pagefindMock.createIndex.mockResolvedValue({ errors: ['Unknown option'], index: undefined });

    await expect(runBuildDone()).rejects.toThrow(/could not start an index[\s\S]*Unknown option/);
    expect(pagefindMock.close).toHaveBeenCalledOnce();
  });

  it('fails the build when the index cannot be written', async () => {
    pagefindMock.createIndex.mockResolvedValue({ errors: [], index: fakeIndex({ writeErrors: ['disk full'] }) });

    await expect(runBuildDone()).rejects.toThrow(/could not write the index[\s\S]*disk full/);
  });

  it('fails the build when no page made it into the index, since search would then find nothing', async () => {
    pagefindMock.createIndex.mockResolvedValue({ errors: [], index: fakeIndex({ pageCount: 0 }) });

    await expect(runBuildDone()).rejects.toThrow(/none of the 2 files matching \*\*\/index\.html/);
  });

  it('removes the previous build’s bundle so stale fragments are never served', async () => {
    await mkdir(path.join(siteDir, 'pagefind', 'fragment'), { recursive: true });
    await writeFile(path.join(siteDir, 'pagefind', 'fragment', 'en_old.pf_fragment'), 'stale');
    pagefindMock.createIndex.mockResolvedValue({ errors: [], index: fakeIndex() });

    await runBuildDone();

    await expect(readFile(path.join(siteDir, 'pagefind', 'fragment', 'en_old.pf_fragment'))).rejects.toThrow();
  });
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
