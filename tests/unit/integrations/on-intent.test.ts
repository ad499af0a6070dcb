// The build half of src/client/load-on-intent.ts: `?on-intent` imports become the URL of their own chunk
// (or, in `astro dev`, of the source), and each importer of load-on-intent.ts gets a copy of its own.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyIntoEachImporter, onIntentChunks } from '../../../src/integrations/on-intent';

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const call = (hook: unknown, context: unknown, ...args: unknown[]) => (hook as Hook).call(context, ...args);

describe('the search UI chunk', () => {
  function plugin(command: 'build' | 'serve', base = '/') {
    const entry = path.join('/site', 'src', 'client', 'search', 'ui.ts');
    const bootstrap = path.join('/site', 'src', 'client', 'search', 'bootstrap.ts');
    const chunk = onIntentChunks('/site');
    call(chunk.configResolved, undefined, { command, base, root: '/site' });
    const emitted: unknown[] = [];
    const context = {
      emitFile: (file: unknown) => (emitted.push(file), 'ref1'),
      resolve: async (source: string, importer: string) => ({ id: path.resolve(path.dirname(importer), source) }),
    };
    const load = async () =>
      call(chunk.load, context, await call(chunk.resolveId, context, './ui.ts?on-intent', bootstrap)) as string;
    return { load, emitted, entry };
  }

  it('in a build, emits ui.ts as its own chunk and gives the bootstrap its final URL', async () => {
    const { load, emitted, entry } = plugin('build');
    expect(await load()).toBe('export default import.meta.ROLLUP_FILE_URL_ref1;');
    expect(emitted).toEqual([{ type: 'chunk', id: entry, name: 'search-ui' }]);
  });

  it('in astro dev, points the bootstrap at the source module under the base path', async () => {
    const { load, emitted } = plugin('serve', '/careers');
    expect(await load()).toBe('export default "/careers/src/client/search/ui.ts";');
    expect(emitted).toEqual([]);
  });
});

describe('load-on-intent.ts in page scripts', () => {
  const shared = path.join('/site', 'src', 'client', 'load-on-intent.ts');
  const copies = copyIntoEachImporter([shared]);
  const context = {
    resolve: async (source: string, importer: string) => ({
      id: path.resolve(path.dirname(importer), source).replace(/(\.ts)?$/, '.ts'),
    }),
  };
  const resolve = (source: string, importer: string) =>
    call(copies.resolveId, context, source, importer, {}) as Promise<string | undefined>;

  it('gives each importer a copy of its own, so no page script has to fetch a shared chunk', async () => {
    const forNewsletter = await resolve(
      '../client/load-on-intent',
      '/site/src/components/NewsletterForm.astro?astro&type=script&index=0&lang.ts',
    );
    const forSearch = await resolve('../load-on-intent', '/site/src/client/search/bootstrap.ts');
    expect(forNewsletter).toMatch(/^\/site\/src\/client\/load-on-intent\.ts\?copy-for=/);
    expect(forSearch).toMatch(/^\/site\/src\/client\/load-on-intent\.ts\?copy-for=/);
    expect(forNewsletter).not.toBe(forSearch);
    expect(await resolve('../load-on-intent', '/site/src/client/search/bootstrap.ts')).toBe(forSearch);
  });

  it('leaves every other import alone', async () => {
    expect(await resolve('./dialog', '/site/src/client/search/ui.ts')).toBeUndefined();
  });
});
