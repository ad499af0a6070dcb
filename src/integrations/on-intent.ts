// Build support for src/client/load-on-intent.ts, the one way pages load code when a reader reaches for
// it: `import src from './x.ts?on-intent'` gives the URL of x.ts built as a chunk of its own, and every
// module gets its own copy of load-on-intent.ts. The reasons are in that file's opening comment.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { withTrailingSlash } from '../domain/urls.ts';

/** The import query that asks for a module's chunk URL instead of the module. */
const onIntentQuery = '?on-intent';

/**
 * Resolves `<module>?on-intent` imports. In a build the module is emitted as a chunk named after its
 * path under src/client (`search/ui.ts` becomes `search-ui`) and the import is its final URL; in
 * `astro dev` it is the URL of the source file, which Vite serves as a module.
 */
export function onIntentChunks(root: string): Plugin {
  const clientDir = path.join(root, 'src', 'client');
  let devBase: string | undefined;
  return {
    name: 'follow-through:on-intent-chunks',
    // Before Vite's own resolver, which would read the query as part of an ordinary module request.
    enforce: 'pre',
    configResolved(config) {
      devBase = config.command === 'serve' ? withTrailingSlash(config.base) : undefined;
    },
    async resolveId(source, importer) {
      if (!source.endsWith(onIntentQuery)) return undefined;
      const entry = await this.resolve(source.slice(0, -onIntentQuery.length), importer);
      return entry ? `\0${entry.id}${onIntentQuery}` : undefined;
    },
    load(id) {
      if (!id.startsWith('\0') || !id.endsWith(onIntentQuery)) return undefined;
      const entry = id.slice(1, -onIntentQuery.length);
      if (devBase)
        return `export default ${JSON.stringify(devBase + path.relative(root, entry).split(path.sep).join('/'))};`;
      const name = path
        .relative(clientDir, entry)
        .replace(/\.[^.]+$/, '')
        .split(path.sep)
        .join('-');
      const reference = this.emitFile({ type: 'chunk', id: entry, name });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
  };
}

/**
 * Gives each module that imports one of `shared` a copy of its own (a distinct module id), so Vite never
 * makes it a chunk that page scripts must fetch: Astro inlines only page scripts that import nothing.
 */
export function copyIntoEachImporter(shared: string[]): Plugin {
  const names = new Set(shared.map((file) => path.basename(file, path.extname(file))));
  return {
    name: 'follow-through:copy-into-each-importer',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !names.has(path.basename(source, path.extname(source)))) return undefined;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !shared.includes(resolved.id)) return undefined;
      return `${resolved.id}?copy-for=${createHash('sha256').update(importer).digest('hex').slice(0, 8)}`;
    },
  };
}

/** The integration for astro.config: `integrations: [onIntent()]`. */
export default function onIntent(): AstroIntegration {
  return {
    name: 'follow-through:on-intent',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const root = fileURLToPath(config.root);
        const shared = [path.join(root, 'src', 'client', 'load-on-intent.ts')];
        updateConfig({ vite: { plugins: [onIntentChunks(root), copyIntoEachImporter(shared)] } });
      },
    },
  };
}
