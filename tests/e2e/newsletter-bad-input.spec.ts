// The newsletter as an attacker meets it: bad input, abuse limits, security headers and the body
// cap, on the production server with a real SMTP server on loopback, each test from its own client.
import { expect, test } from '@playwright/test';
import { openPage, reader, useNewsletterRig } from './support/newsletter';
import { startServer } from '../../scripts/support/server.ts';

const rig = useNewsletterRig();
const { subscriberStatus, rowCount, mailsTo } = rig;

test.describe('bad input gets a clear answer and writes nothing', () => {
  const tooLong = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`;
  type Case = { name: string; body: string; type: string; field: 'email' | 'consent'; message: RegExp };
  const json = (value: unknown) => JSON.stringify(value);
  const form = (value: Record<string, string>) => new URLSearchParams(value).toString();
  const cases: Case[] = [
    {
      name: 'missing email',
      type: 'application/json',
      body: json({ consent: true }),
      field: 'email',
      message: /Enter your email address/,
    },
    {
      name: 'malformed email',
      type: 'application/json',
      body: json({ email: 'ann@example', consent: true }),
      field: 'email',
      message: /name@example\.com/,
    },
    {
      name: 'over 254 characters',
      type: 'application/json',
      body: json({ email: tooLong, consent: true }),
      field: 'email',
      message: /254 characters/,
    },
    {
      name: 'several addresses',
      type: 'application/json',
      body: json({ email: 'ann@example.com,bo@example.com', consent: true }),
      field: 'email',
      message: /just one/,
    },
    {
      name: 'control characters',
      type: 'application/json',
      body: json({ email: 'ann@example.com\r\nBcc: all@example.com', consent: true }),
      field: 'email',
      message: /control characters/,
    },
    {
      name: 'unknown fields',
      type: 'application/json',
      body: json({ email: 'ann@example.com', consent: true, list: 'vip' }),
      field: 'email',
      message: /something we do not accept/,
    },
    {
      name: 'non-string email',
      type: 'application/json',
      body: json({ email: ['ann@example.com'], consent: true }),
      field: 'email',
      message: /plain text/,
    },
    {
      name: 'body over 8 kB',
      type: 'application/json',
      body: json({ email: 'ann@example.com', consent: true, website: ' '.repeat(8 * 1024) }),
      field: 'email',
      message: /too large/,
    },
    {
      name: 'wrong content type',
      type: 'text/csv',
      body: 'email,consent\nann@example.com,true',
      field: 'email',
      message: /could not read/,
    },
    {
      name: 'consent not given',
      type: 'application/json',
      body: json({ email: 'ann@example.com', consent: false }),
      field: 'consent',
      message: /Tick the box/,
    },
  ];

  for (const c of cases) {
    test(`${c.name}: 400 with a message on ${c.field}`, async ({ request }) => {
      const { ip } = reader();
      const before = rowCount();
      const response = await request.post(`${rig.server.url}/api/newsletter/subscribe`, {
        data: c.body,
        headers: { 'Content-Type': c.type, 'X-Forwarded-For': ip, Origin: rig.server.url },
      });
      expect(response.status()).toBe(400);
      const answer = await response.json();
      expect(answer.errors[c.field]).toMatch(c.message);
      expect(rowCount()).toBe(before);
    });
  }

  test('the no-JS form gets the same table as an HTML page with the message beside the field', async ({ request }) => {
    const { ip } = reader();
    const before = rowCount();
    const response = await request.post(`${rig.server.url}/api/newsletter/subscribe`, {
      data: form({ email: 'ann@example.com', consent: 'yes', website: '', extra: '1' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': ip, Origin: rig.server.url },
    });
    expect(response.status()).toBe(400);
    expect(response.headers()['content-type']).toContain('text/html');
    const html = await response.text();
    expect(html).toMatch(/id="newsletter-email-error"[^>]*>.*something we do not accept/s);
    expect(html).toContain('value="ann@example.com"');
    expect(rowCount()).toBe(before);
  });

  test('a filled honeypot gets the same 202 as a real signup, and no row and no email', async ({ request }) => {
    const { ip, email } = reader();
    const before = rowCount();
    const response = await request.post(`${rig.server.url}/api/newsletter/subscribe`, {
      data: { email, consent: true, website: 'https://cheap-pills.example' },
      headers: { 'X-Forwarded-For': ip },
    });
    expect(response.status()).toBe(202);
    expect(await response.json()).toEqual({ status: 'check-your-inbox' });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(rowCount()).toBe(before);
    expect(mailsTo(email)).toHaveLength(0);
  });

  test('a cross-origin form POST is refused with 403', async ({ request }) => {
    const { ip, email } = reader();
    const response = await request.post(`${rig.server.url}/api/newsletter/subscribe`, {
      data: form({ email, consent: 'yes', website: '' }),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://evil.example',
        'X-Forwarded-For': ip,
      },
    });
    expect(response.status()).toBe(403);
    expect(subscriberStatus(email)).toBeUndefined();
  });

  test('more than 5 requests a minute from one client: 429 with Retry-After', async ({ request }) => {
    const { ip } = reader();
    const post = (n: number) =>
      request.post(`${rig.server.url}/api/newsletter/subscribe`, {
        data: { email: `limit-${n}-${ip.replace(/:/g, '')}@example.com`, consent: true },
        headers: { 'X-Forwarded-For': ip },
      });
    for (let n = 0; n < 5; n++) expect((await post(n)).status()).toBe(202);
    const refused = await post(5);
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(50);
    expect((await refused.json()).errors.email).toMatch(/Too many signup attempts/);
    expect(subscriberStatus(`limit-5-${ip.replace(/:/g, '')}@example.com`)).toBeUndefined();
  });

  test('more than 3 an hour for one address: 429, and only one confirmation email', async ({ request }) => {
    const { email } = reader();
    const statuses: number[] = [];
    for (let n = 0; n < 4; n++) {
      const response = await request.post(`${rig.server.url}/api/newsletter/subscribe`, {
        data: { email, consent: true },
        headers: { 'X-Forwarded-For': reader().ip },
      });
      statuses.push(response.status());
      if (response.status() === 429) expect(Number(response.headers()['retry-after'])).toBeGreaterThan(3000);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    await rig.smtp.waitForMail(email);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(mailsTo(email)).toHaveLength(1);
  });

  test('X-Forwarded-For is ignored unless TRUST_PROXY is set', async ({ request }) => {
    const plain = await startServer({ SMTP_URL: rig.smtp.url });
    try {
      const statuses: number[] = [];
      for (let n = 0; n < 6; n++) {
        const response = await request.post(`${plain.url}/api/newsletter/subscribe`, {
          data: { email: `spoof-${n}@example.com`, consent: true },
          headers: { 'X-Forwarded-For': `203.0.113.${n}` },
        });
        statuses.push(response.status());
      }
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    } finally {
      await plain.stop();
    }
  });
});

test.describe('server hardening', () => {
  // The opener policy goes with what Astro's handler answers (it carries tokens and preferences),
  // and not with the built files, which are the same for everyone.
  const paths = [
    ['a static page', '/newsletter/', undefined],
    ['a built asset', '/favicon.svg', undefined],
    ['a missing page', '/no-such-page/', 'same-origin'],
    ['an on-demand page', '/newsletter/confirm/?token=nothing', 'same-origin'],
    ['a redirect', '/newsletter', undefined],
  ] as const;
  for (const [what, path, openerPolicy] of paths) {
    test(`security headers on ${what}`, async ({ request }) => {
      const response = await request.get(`${rig.server.url}${path}`, { maxRedirects: 0 });
      const headers = response.headers();
      const csp = headers['content-security-policy'];
      expect(csp).toContain("frame-ancestors 'none'");
      const scriptSrc = csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith('script-src'))!;
      expect(scriptSrc).toMatch(/^script-src 'self'/);
      expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['strict-transport-security']).toBeUndefined();
      expect(headers['cross-origin-opener-policy']).toBe(openerPolicy);
    });
  }

  test('the header CSP lets each page run its own scripts in Chromium, and nothing else', async ({ browser }) => {
    const page = await openPage(browser, reader().ip);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    for (const path of ['/', '/newsletter/', '/advice/interview-follow-through/']) {
      await page.goto(`${rig.server.url}${path}`);
      // The inline theme script ran (it sets data-theme), so its hash is allowed.
      await expect(page.locator('html')).toHaveAttribute('data-theme', /light|dark/);
    }
    // The lazily loaded form script is allowed too, on a static page and on an on-demand one
    // (an unknown confirmation token shows the form again, under the policy Astro sends itself).
    for (const path of ['/newsletter/', '/newsletter/confirm/?token=unknown']) {
      await page.goto(`${rig.server.url}${path}`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', /light|dark/);
      await page.getByLabel('Email address').focus();
      await expect(page.locator('form[data-newsletter-form]')).toHaveAttribute('data-enhanced', 'true');
    }
    expect(violations).toEqual([]);
    // An injected inline script, which no hash covers, is blocked.
    const injected = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedRan = true';
      document.head.append(script);
      return (window as unknown as { injectedRan?: boolean }).injectedRan === true;
    });
    expect(injected).toBe(false);
  });

  test('HSTS is sent when SITE_URL is https', async ({ request }) => {
    const secure = await startServer({ SITE_URL: 'https://news.example' });
    try {
      const response = await request.get(`${secure.url}/`);
      expect(response.headers()['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    } finally {
      await secure.stop();
    }
  });

  test('request bodies are capped before anything reads them', async ({ request }) => {
    const response = await request.post(`${rig.server.url}/api/newsletter/subscribe`, {
      data: 'x'.repeat(200 * 1024),
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': reader().ip },
    });
    expect(response.status()).toBe(413);
  });
});
