// Builds a small site from a temporary content folder to prove the editor-facing rules end to end.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

// Content collections must live inside the project root, so the scratch folder does too.
mkdirSync('.tmp', { recursive: true });
const work = mkdtempSync(join('.tmp', 'content-rules-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function article(fields: Record<string, string>, body = 'Body text.\n\n## One\n\nText.\n') {
  const fm = {
    title: '"A sample article for the build test"',
    description: '"A one-sentence summary that is long enough to satisfy the schema rules."',
    pubDate: '2026-01-05',
    author: 'editorial-desk',
    topics: '[interviewing]',
    category: 'Guide',
    ...fields,
  };
  return `---\n${Object.entries(fm)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n\n${body}`;
}

function buildWith(articles: Record<string, string>, images: Record<string, Buffer> = {}) {
  const content = join(work, `content-${Object.keys(articles).join('-')}`);
  for (const dir of ['authors', 'topics', 'jobs'])
    if (existsSync(`content/${dir}`)) cpSync(`content/${dir}`, join(content, dir), { recursive: true });
  mkdirSync(join(content, 'articles'), { recursive: true });
  for (const [name, text] of Object.entries(articles)) writeFileSync(join(content, 'articles', `${name}.mdx`), text);
  for (const [name, bytes] of Object.entries(images)) writeFileSync(join(content, 'articles', name), bytes);
  const outDir = join(work, `dist-${Object.keys(articles).length}-${Date.now()}`);
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    env: {
      ...process.env,
      CONTENT_DIR: content,
      ASTRO_CACHE_DIR: join(work, `cache-${Date.now()}`),
      PAGEFIND_SKIP: '1',
    },
    encoding: 'utf8',
  });
  return { status: result.status, log: `${result.stdout}\n${result.stderr}`, outDir };
}

describe('content rules in a real build', () => {
  it('publishes past articles, never drafts, and a future article only once its date has passed', async () => {
    const hero = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#0a5a4d' } })
      .png()
      .toBuffer();
    const { status, log, outDir } = buildWith(
      {
        published: article({ hero: '\n  image: ./hero.png\n  alt: "A plain green test image"' }),
        'a-draft': article({ draft: 'true', title: '"A draft that must stay unpublished"' }),
        'in-future': article({ pubDate: '2099-01-01', title: '"An article dated far in the future"' }),
      },
      { 'hero.png': hero },
    );
    expect(status, log).toBe(0);
    const page = readFileSync(join(outDir, 'client/advice/published/index.html'), 'utf8');
    // The hero goes through astro:assets: resized variants, and dimensions so nothing shifts.
    expect(page).toMatch(/<img[^>]+srcset="[^"]+400w[^"]+800w/);
    expect(page).toMatch(/<img[^>]+width="\d+"[^>]+height="\d+"|<img[^>]+height="\d+"[^>]+width="\d+"/);
    expect(page).toContain('alt="A plain green test image"');
    expect(existsSync(join(outDir, 'client/advice/a-draft/index.html'))).toBe(false);
    expect(existsSync(join(outDir, 'client/advice/in-future/index.html'))).toBe(false);
    const rss = readFileSync(join(outDir, 'client/rss.xml'), 'utf8');
    expect(rss).toContain('/advice/published/');
    expect(rss).not.toContain('a-draft');
    expect(rss).not.toContain('in-future');
  });

  it('stops the build on a frontmatter mistake, naming the file and the field', () => {
    const { status, log } = buildWith({ broken: article({ category: 'Opinion piece' }) });
    expect(status).not.toBe(0);
    expect(log).toMatch(/broken\.mdx/);
    expect(log).toMatch(/category/);
  });
});
