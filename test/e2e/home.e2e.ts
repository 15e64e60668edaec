/**
 * Journey: a first visit to Concerto's home page — language, version, keyboard access.
 * Expected texts come from the translation files, so the tests follow wording changes but
 * fail when the page shows another language than it should.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Version } from '../../src/contracts/system.js';
import de from '../../src/web/i18n/de.json' with { type: 'json' };
import en from '../../src/web/i18n/en.json' with { type: 'json' };
import fr from '../../src/web/i18n/fr.json' with { type: 'json' };
import nl from '../../src/web/i18n/nl.json' with { type: 'json' };
import { expectNoSeriousAxeViolations, launchBrowser } from './support/browser.js';

const TEXTS = { fr, nl, de, en };
type Language = keyof typeof TEXTS;

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext | undefined;
let cspViolations: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  // The server's CSP allows no inline script or style: the app must never need one.
  expect(cspViolations).toEqual([]);
  cspViolations = [];
});

/** A fresh browser profile whose languages, and so its Accept-Language, follow `locale`. */
async function newPage(locale: string): Promise<Page> {
  context = await browser.newContext({ locale, baseURL: baseUrl });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
  return page;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}

async function apiVersion(page: Page): Promise<Version> {
  const response = await page.request.get('/api/version');
  expect(response.status()).toBe(200);
  return (await response.json()) as Version;
}

/** Waits for the page to be in `language`, checks its marks of that language, then runs axe. */
async function expectLanguage(page: Page, language: Language): Promise<void> {
  const t = TEXTS[language];
  await page.getByRole('heading', { level: 1, name: t.home.title, exact: true }).waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe(language);
  expect(await page.title()).toBe(t.app.documentTitle);
  expect(await page.getByRole('banner').textContent()).toContain(t.app.tagline);
  expect(await page.getByRole('main').textContent()).toContain(t.home.intro);
  expect(await page.getByRole('contentinfo').textContent()).toBe(t.layout.footer);
  // Nobody is signed in: the navigation offers the home page and the login.
  expect(await page.getByRole('navigation', { name: t.layout.mainNavigation }).textContent()).toBe(
    `${t.nav.home}${t.nav.login}`,
  );
  expect(await page.getByRole('button', { name: t.languageName }).getAttribute('aria-pressed')).toBe('true');
  await expectNoSeriousAxeViolations(page, `language ${language}`);
}

/** The version panel as term → value, once loaded. */
async function versionFacts(page: Page): Promise<Record<string, string>> {
  const list = page.getByRole('status').locator('dl');
  await list.waitFor();
  const terms = await list.locator('dt').allTextContents();
  const values = await list.locator('dd').allTextContents();
  return Object.fromEntries(terms.map((term, index) => [term, values[index] ?? '']));
}

function expectedFacts(language: Language, version: Version): Record<string, string> {
  const t = TEXTS[language].home.version;
  return {
    [t.application]: version.version,
    [t.node]: version.node,
    [t.database]: fill(t.databaseValue, {
      version: version.database.version,
      engine: t.engine[version.database.engine],
    }),
    [t.migrations]: fill(t.migrationsValue, version.migrations),
  };
}

async function activeElement(page: Page): Promise<{ tag: string; id: string; text: string }> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return { tag: element?.tagName ?? '', id: element?.id ?? '', text: element?.textContent?.trim() ?? '' };
  });
}

describe('home page', () => {
  test('says what Concerto is and shows the version from /api/version, in French by default', async () => {
    const page = await newPage('fr-BE');
    const version = await apiVersion(page);
    expect(version.database.engine).toBe('embedded');
    expect(version.migrations.applied).toBe(version.migrations.latest);

    const response = await page.goto('/');
    // The CSP check of afterEach means something only if the page is served under that policy.
    expect(response?.headers()['content-security-policy']).toContain("style-src 'self'");
    await expectLanguage(page, 'fr');
    expect(await versionFacts(page)).toEqual(expectedFacts('fr', version));
    await expectNoSeriousAxeViolations(page, 'version loaded');
  });

  test('switches between the four languages, and the choice survives a reload', async () => {
    const page = await newPage('en-GB');
    const version = await apiVersion(page);
    await page.goto('/');
    await expectLanguage(page, 'en');

    for (const language of ['nl', 'de'] as const) {
      await page.getByRole('button', { name: TEXTS[language].languageName }).click();
      await expectLanguage(page, language);
      expect(await versionFacts(page)).toEqual(expectedFacts(language, version));
    }
    await page.reload();
    await expectLanguage(page, 'de');
    expect(await page.evaluate(() => localStorage.getItem('concerto.lang'))).toBe('de');

    for (const language of ['en', 'fr'] as const) {
      await page.getByRole('button', { name: TEXTS[language].languageName }).click();
      await expectLanguage(page, language);
    }
    // The stored choice wins over the browser's language (en-GB).
    await page.reload();
    await expectLanguage(page, 'fr');
  });

  test.each([
    ['nl-BE', 'nl'],
    ['de-BE', 'de'],
    ['en-US', 'en'],
    ['es-ES', 'fr'],
  ] as const)('a first visit with browser language %s is in %s', async (locale, language) => {
    const page = await newPage(locale);
    const response = await page.goto('/');
    expect(response?.request().headers()['accept-language']).toMatch(new RegExp(`^${locale}`));
    await expectLanguage(page, language);
  });

  test('the skip link is the first tab stop, shows itself and moves focus to the main content', async () => {
    const page = await newPage('fr-BE');
    await page.goto('/');
    await expectLanguage(page, 'fr');

    await page.keyboard.press('Tab');
    expect(await activeElement(page)).toEqual({ tag: 'A', id: '', text: fr.layout.skipToContent });
    const box = await page.getByRole('link', { name: fr.layout.skipToContent }).boundingBox();
    expect(box?.y).toBeGreaterThanOrEqual(0);
    await expectNoSeriousAxeViolations(page, 'skip link focused');

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
  });

  test('the keyboard focus order follows the reading order', async () => {
    const page = await newPage('nl-BE');
    await page.goto('/');
    await expectLanguage(page, 'nl');

    const stops: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      stops.push((await activeElement(page)).text);
    }
    expect(stops).toEqual([
      nl.layout.skipToContent,
      fr.languageName,
      nl.languageName,
      de.languageName,
      en.languageName,
      nl.nav.home,
      nl.nav.login,
    ]);
  });

  test('a failing /api/version is reported in the live region, and retry recovers', async () => {
    const page = await newPage('fr-BE');
    await page.route('**/api/version', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503 }),
      }),
    );
    await page.goto('/');
    await page.getByRole('status').getByText(fr.home.version.error, { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page, 'version error');

    await page.unroute('**/api/version');
    const version = await apiVersion(page);
    await page.getByRole('button', { name: fr.home.version.retry }).click();
    expect(await versionFacts(page)).toEqual(expectedFacts('fr', version));
    expect(await page.getByRole('button', { name: fr.home.version.retry }).count()).toBe(0);
    // The retry button is gone: focus stays in the version section, on its heading.
    expect(await activeElement(page)).toMatchObject({ tag: 'H2', text: fr.home.version.title });
    await expectNoSeriousAxeViolations(page, 'version loaded after retry');
  });
});
