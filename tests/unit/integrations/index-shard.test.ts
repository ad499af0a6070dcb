// One shard's indexing stops the build whenever Pagefind reports a problem. Pagefind is mocked here
// because these failures cannot be provoked in the real binary; search-indexes.test.ts runs the real one.
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const pagefindMock = vi.hoisted(() => ({
  createIndex: vi.fn(),
  close: vi.fn(async () => null),
}));
vi.mock('pagefind', () => pagefindMock);

const { indexShard, pagesGlob } = await import('../../../src/integrations/pagefind/index-shard');

/** A Pagefind index whose answers the test chooses; every call is recorded. */
function fakeIndex(
  answers: { addErrors?: string[]; pagesRead?: number; pageCount?: number; writeErrors?: string[] } = {},
) {
  const pageCount = answers.pageCount ?? 1;
  return {
    addDirectory: vi.fn(async () => ({ errors: answers.addErrors ?? [], page_count: answers.pagesRead ?? 1 })),
    writeFiles: vi.fn(async ({ outputPath }: { outputPath: string }) => {
      if (!answers.writeErrors?.length) {
        await mkdir(outputPath, { recursive: true });
        const entry = { version: '1.6.0', languages: { en: { hash: 'en_1', wasm: 'en', page_count: pageCount } } };
        await writeFile(path.join(outputPath, 'pagefind-entry.json'), JSON.stringify(entry));
        for (const name of ['pagefind.js', 'pagefind-worker.js', 'wasm.en.pagefind', 'pagefind-ui.js']) {
          await writeFile(path.join(outputPath, name), '');
        }
      }
      return { errors: answers.writeErrors ?? [], outputPath };
    }),
  };
}

let siteDir: string;
const job = (kind: 'recent' | 'archive' = 'recent') => ({
  siteDir,
  pages: ['advice/a/index.html'],
  outputPath: path.join(siteDir, 'pagefind'),
  kind,
});

beforeEach(async () => {
  siteDir = await mkdtemp(path.join(tmpdir(), 'index-shard-'));
  await mkdir(path.join(siteDir, 'advice', 'a'), { recursive: true });
  await writeFile(path.join(siteDir, 'advice', 'a', 'index.html'), '<main data-pagefind-body>A</main>');
  pagefindMock.createIndex.mockReset();
  pagefindMock.close.mockClear();
});
afterEach(async () => {
  await rm(siteDir, { recursive: true, force: true });
});

describe('indexShard', () => {
  it('has Pagefind read exactly the shard’s pages from the site folder, so their URLs follow from their paths', async () => {
    const index = fakeIndex();
    pagefindMock.createIndex.mockResolvedValue({ errors: [], index });

    expect(await indexShard(job())).toEqual({ pageCount: 1 });
    expect(index.addDirectory).toHaveBeenCalledWith({ path: siteDir, glob: '{advice/a/index.html}' });
    expect(pagefindMock.close).toHaveBeenCalledOnce();
  });

  it('names each page literally in the glob, whatever characters its path holds', () => {
    expect(pagesGlob(['advice/a/index.html', 'jobs/b/index.html'])).toBe('{advice/a/index.html,jobs/b/index.html}');
    expect(pagesGlob(['x/a,b{c}[d](e)*?$:<>\\/index.html'])).toBe(
      '{x/a\\,b\\{c\\}\\[d\\]\\(e\\)\\*\\?\\$\\:\\<\\>\\\\/index.html}',
    );
  });

  it('fails when Pagefind read fewer pages than the shard holds, rather than leave some unsearchable', async () => {
    const index = fakeIndex({ pagesRead: 0 });
    pagefindMock.createIndex.mockResolvedValue({ errors: [], index });
    await expect(indexShard(job())).rejects.toThrow(/read 0 of the 1 pages given/);
    expect(index.writeFiles).not.toHaveBeenCalled();
  });

  it('keeps the script, worker and WebAssembly in the recent index only; no ready-made UI anywhere', async () => {
    pagefindMock.createIndex.mockResolvedValue({ errors: [], index: fakeIndex() });
    await indexShard(job('recent'));
    expect((await readdir(path.join(siteDir, 'pagefind'))).sort()).toEqual([
      'pagefind-entry.json',
      'pagefind-worker.js',
      'pagefind.js',
      'wasm.en.pagefind',
    ]);
    pagefindMock.createIndex.mockResolvedValue({ errors: [], index: fakeIndex() });
    await indexShard(job('archive'));
    expect(await readdir(path.join(siteDir, 'pagefind'))).toEqual(['pagefind-entry.json']);
  });

  it('fails with Pagefind’s message when a page cannot be indexed, and writes nothing', async () => {
    const index = fakeIndex({ addErrors: ['Failed to parse advice/a/index.html'] });
    pagefindMock.createIndex.mockResolvedValue({ errors: [], index });

    await expect(indexShard(job())).rejects.toThrow(/Failed to parse advice\/a\/index\.html/);
    expect(index.writeFiles).not.toHaveBeenCalled();
    expect(pagefindMock.close).toHaveBeenCalledOnce();
  });

  it('fails when the index cannot be created', async () => {
    pagefindMock.createIndex.mockResolvedValue({ errors: ['Unknown option'], index: undefined });
    await expect(indexShard(job())).rejects.toThrow(/could not start an index[\s\S]*Unknown option/);
    expect(pagefindMock.close).toHaveBeenCalledOnce();
  });

  it('fails when the index cannot be written', async () => {
    pagefindMock.createIndex.mockResolvedValue({ errors: [], index: fakeIndex({ writeErrors: ['disk full'] }) });
    await expect(indexShard(job())).rejects.toThrow(/could not write the index[\s\S]*disk full/);
  });

  it('fails when no page made it into the index, since search would then find nothing', async () => {
    pagefindMock.createIndex.mockResolvedValue({ errors: [], index: fakeIndex({ pageCount: 0 }) });
    await expect(indexShard(job())).rejects.toThrow(/none of the 1 pages given was indexed/);
  });

  it('removes a previous index’s files so stale fragments are never served', async () => {
    await mkdir(path.join(siteDir, 'pagefind', 'fragment'), { recursive: true });
    await writeFile(path.join(siteDir, 'pagefind', 'fragment', 'en_old.pf_fragment'), 'stale');
    pagefindMock.createIndex.mockResolvedValue({ errors: [], index: fakeIndex() });
    await indexShard(job());
    await expect(readFile(path.join(siteDir, 'pagefind', 'fragment', 'en_old.pf_fragment'))).rejects.toThrow();
  });
});
