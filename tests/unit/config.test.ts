import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE_FIXTURES_DIR, articleFiles, loadBuildConfig, loadConfig } from '../../src/config.ts';
import { resolveNewsletterSecret } from '../../src/server/newsletter/secret.ts';

describe('loadConfig', () => {
  it('works with an empty environment', () => {
    expect(loadConfig({})).toMatchObject({
      port: 4321,
      host: '127.0.0.1',
      dataDir: './var',
      smtpUrl: '',
      siteUrl: 'http://localhost:4321',
      rateLimitIpPerMinute: 5,
      rateLimitEmailPerHour: 3,
      trustProxy: 0,
      publicNewsletterAction: '',
    });
  });

  it('reads every setting from the environment', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/srv/data',
      SMTP_URL: 'smtp://mail.example:25',
      SITE_URL: 'https://news.example/some/path',
      RATE_LIMIT_IP_PER_MINUTE: '20',
      RATE_LIMIT_EMAIL_PER_HOUR: '2',
      TRUST_PROXY: '1',
      MAIL_FROM: 'News <news@news.example>',
      PUBLIC_NEWSLETTER_ACTION: 'https://provider.example/embed/123',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/srv/data',
      smtpUrl: 'smtp://mail.example:25',
      siteUrl: 'https://news.example',
      rateLimitIpPerMinute: 20,
      rateLimitEmailPerHour: 2,
      trustProxy: 1,
      mailFrom: 'News <news@news.example>',
      publicNewsletterAction: 'https://provider.example/embed/123',
    });
  });

  it('defaults the site address to the port the server listens on', () => {
    expect(loadConfig({ PORT: '4391' }).siteUrl).toBe('http://localhost:4391');
  });

  it.each([
    ['true', 1],
    ['false', 0],
    ['2', 2],
    ['', 0],
  ])('TRUST_PROXY=%j means %i trusted hops', (value, hops) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toBe(hops);
  });

  it.each([
    ['RATE_LIMIT_IP_PER_MINUTE', 'five'],
    ['RATE_LIMIT_EMAIL_PER_HOUR', '0'],
    ['PORT', '-1'],
    ['SITE_URL', 'example.com'],
  ])('refuses %s=%j instead of guessing', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});

describe('loadConfig: the daily briefing', () => {
  it('sends at 07:00 Singapore time, 50 a second, within 6 hours, scheduler on, with no configuration', () => {
    expect(loadConfig({})).toMatchObject({
      newsletterSendTime: '07:00',
      newsletterTimeZone: 'Asia/Singapore',
      newsletterScheduler: true,
      newsletterRatePerSecond: 50,
      newsletterSendWindowHours: 6,
    });
  });

  it('reads each setting, and NEWSLETTER_RATE_PER_SECOND=0 lifts the cap', () => {
    expect(
      loadConfig({
        NEWSLETTER_SEND_TIME: '06:30',
        NEWSLETTER_TIME_ZONE: 'Europe/London',
        NEWSLETTER_SCHEDULER: 'off',
        NEWSLETTER_RATE_PER_SECOND: '0',
        NEWSLETTER_SEND_WINDOW_HOURS: '2',
      }),
    ).toMatchObject({
      newsletterSendTime: '06:30',
      newsletterTimeZone: 'Europe/London',
      newsletterScheduler: false,
      newsletterRatePerSecond: 0,
      newsletterSendWindowHours: 2,
    });
  });

  it.each([
    ['NEWSLETTER_SEND_TIME', '7am'],
    ['NEWSLETTER_TIME_ZONE', 'Singapore/Nowhere'],
    ['NEWSLETTER_SCHEDULER', 'sometimes'],
    ['NEWSLETTER_RATE_PER_SECOND', '-5'],
    ['NEWSLETTER_SEND_WINDOW_HOURS', '0'],
  ])('refuses %s=%j instead of guessing', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});

describe('resolveNewsletterSecret', () => {
  it('generates a secret on first start, owner-readable only, and reuses it afterwards', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsletter-secret-'));
    const first = resolveNewsletterSecret(dir, '');
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600);
    expect(resolveNewsletterSecret(dir, '')).toBe(first);
  });

  it('prefers NEWSLETTER_SECRET and refuses a short one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsletter-secret-'));
    const fromEnv = 'x'.repeat(40);
    expect(resolveNewsletterSecret(dir, fromEnv)).toBe(fromEnv);
    expect(() => resolveNewsletterSecret(dir, 'short')).toThrow(/at least 32/);
  });

  it('tightens the mode of an existing secret file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsletter-secret-'));
    writeFileSync(join(dir, 'secret'), 'y'.repeat(43), { mode: 0o644 });
    expect(resolveNewsletterSecret(dir, '')).toBe('y'.repeat(43));
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600);
  });
});

describe('test fixtures in the articles collection (TEST_FIXTURES)', () => {
  it('leaves the fixtures out of a normal build, such as the one `npm start` runs', () => {
    const config = loadBuildConfig({});
    expect(config.testFixtures).toBe(false);
    expect(articleFiles(config)).toEqual({ base: './content/articles', pattern: '**/*.mdx' });
  });

  it('adds tests/fixtures/articles when the tests build the site', () => {
    const config = loadBuildConfig({ TEST_FIXTURES: '1' });
    expect(config.testFixtures).toBe(true);
    expect(articleFiles(config)).toEqual({
      base: '.',
      pattern: ['content/articles/**/*.mdx', `${ARTICLE_FIXTURES_DIR}/**/*.mdx`],
    });
    expect(articleFiles(loadBuildConfig({ TEST_FIXTURES: '1', CONTENT_DIR: '.tmp/corpus/' })).pattern).toEqual([
      '.tmp/corpus/articles/**/*.mdx',
      'tests/fixtures/articles/**/*.mdx',
    ]);
  });

  it('refuses a value that is neither on nor off', () => {
    expect(loadBuildConfig({ TEST_FIXTURES: 'off' }).testFixtures).toBe(false);
    expect(() => loadBuildConfig({ TEST_FIXTURES: 'maybe' })).toThrow(/TEST_FIXTURES/);
  });
});
