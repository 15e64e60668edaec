/**
 * What the journeys after the home page share: fresh browser profiles whose CSP violations are
 * collected, the demo identities of the global setup, and logging in as a person would (the
 * labels come from the translation files, so the steps follow the page's language).
 */
import type { Browser, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { totpCode } from '../../../src/server/modules/auth/credentials/totp.js';
import type { DemoLogin } from '../../../src/server/modules/demo/demo.service.js';
import de from '../../../src/web/i18n/de.json' with { type: 'json' };
import en from '../../../src/web/i18n/en.json' with { type: 'json' };
import fr from '../../../src/web/i18n/fr.json' with { type: 'json' };
import nl from '../../../src/web/i18n/nl.json' with { type: 'json' };

export const TEXTS = { fr, nl, de, en };
export type Language = keyof typeof TEXTS;

/** Browser profiles opened by a journey, and every CSP violation their pages reported. */
export class Profiles {
  readonly cspViolations: string[] = [];
  private readonly contexts: { close(): Promise<void> }[] = [];

  constructor(private readonly browser: Browser) {}

  /** A fresh profile (no cookie, no storage) whose languages, and so Accept-Language, follow `locale`. */
  async open(locale: string): Promise<Page> {
    const context = await this.browser.newContext({ locale, baseURL: inject('baseUrl') });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) this.cspViolations.push(message.text());
    });
    return page;
  }

  /** Closes every profile; the server's CSP allows no inline script or style, so none may be reported. */
  async close(): Promise<void> {
    await Promise.all(this.contexts.splice(0).map((context) => context.close()));
    expect(this.cspViolations.splice(0)).toEqual([]);
  }
}

export function demoUser(role: DemoLogin['role']): DemoLogin {
  const user = inject('demo').users.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`the demo has no ${role}`);
  return user;
}

/** The code the user's authenticator shows now. Each is accepted once: a journey logs a user in with TOTP once. */
export function currentTotp(user: DemoLogin): string {
  return totpCode({ secret: user.totpSecret, now: new Date() });
}

export type SecondFactor = { totp: string } | { recoveryCode: string };

/** Fills the login form of the page's language and submits it. */
export async function submitLogin(
  page: Page,
  language: Language,
  credentials: { email: string; password: string } & SecondFactor,
): Promise<void> {
  const t = TEXTS[language].login;
  await page.getByRole('textbox', { name: t.email, exact: true }).fill(credentials.email);
  await page.getByLabel(t.password, { exact: true }).fill(credentials.password);
  if ('totp' in credentials) {
    await page.getByRole('radio', { name: t.factor.totp }).check();
    await page.getByRole('textbox', { name: t.totp.label }).fill(credentials.totp);
  } else {
    await page.getByRole('radio', { name: t.factor.recovery }).check();
    await page.getByRole('textbox', { name: t.recovery.label, exact: true }).fill(credentials.recoveryCode);
  }
  await page.getByRole('button', { name: t.submit, exact: true }).click();
}

/** Waits for the page's h1 to read `title`. */
export async function heading(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
}

/** The text of the page's assertive live region (empty when nothing is wrong). */
export async function alertText(page: Page): Promise<string> {
  return (await page.getByRole('alert').textContent()) ?? '';
}

/** Fills `{{name}}` placeholders as i18next does. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}
