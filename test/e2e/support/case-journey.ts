/**
 * What the case journeys share: a demo user logged in through the pages a person meets (the
 * secrecy undertaking and the awareness module when due, the working session's justification),
 * and the case page's forms filled as a person would, labels taken from the translation files.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CaseDetail } from '../../../src/contracts/cases.js';
import type { CategoryCode } from '../../../src/contracts/legal-codes.js';
import type { DemoLogin } from '../../../src/server/modules/demo/demo.service.js';
import { expectNoSeriousAxeViolations } from './browser.js';
import { fill, heading, type Language, submitLogin, TEXTS } from './journey.js';

/** The demo frameworks the journeys work in (src/server/modules/demo/demo-frameworks.ts). */
export const VEILIG_HUIS = 'Veilig Huis Démo – ketenaanpak intrafamiliaal geweld';
export const CSIL_R = 'CSIL-R Démo';

/**
 * Logs in with a recovery code, accepts what is due (ROL-07, SEC-09), says why case files are
 * consulted (issue 4 scope 7) and lands on the dashboard.
 */
export async function logInToDashboard(
  page: Page,
  language: Language,
  user: DemoLogin,
  recoveryCode: string,
  justification: string,
): Promise<void> {
  const t = TEXTS[language];
  await page.goto('/login');
  await heading(page, t.login.title);
  await submitLogin(page, language, { email: user.email, password: user.password, recoveryCode });
  await acceptDueTexts(page, language, t.justification.title);
  await heading(page, t.justification.title);
  await expectNoSeriousAxeViolations(page, 'justification asked');
  // A suggestion starts the justification; the user completes it.
  await page.getByRole('button', { name: `${t.justification.suggestions.preparing}…` }).click();
  const field = page.getByRole('textbox', { name: t.justification.label });
  expect(await field.inputValue()).toBe(`${t.justification.suggestions.preparing} `);
  await field.fill(justification);
  await page.getByRole('button', { name: t.justification.submit, exact: true }).click();
  await heading(page, t.dashboard.title);
  await page.getByText(fill(t.dashboard.intro, { justification }), { exact: true }).waitFor();
}

/**
 * After a login: when the secrecy undertaking or the awareness module is due (ROL-07, SEC-09), each
 * text is accepted in turn and the way on taken; otherwise the page headed `next` is already there.
 */
export async function acceptDueTexts(page: Page, language: Language, next: string): Promise<void> {
  const t = TEXTS[language];
  const undertaking = page.getByRole('heading', { level: 1, name: t.undertaking.title, exact: true });
  await undertaking.or(page.getByRole('heading', { level: 1, name: next, exact: true })).waitFor();
  if (!(await undertaking.isVisible())) return;
  const proceed = page.getByRole('link', { name: t.undertaking.continue, exact: true });
  const accept = page.getByRole('button', {
    name: new RegExp(
      `^(${escapeRegExp(t.undertaking.accept.consultation_secrecy)}|${escapeRegExp(t.undertaking.accept.controller_awareness)})$`,
    ),
  });
  await accept.or(proceed).first().waitFor();
  while (!(await proceed.isVisible())) {
    const due = await accept.count();
    await accept.first().click();
    await expect.poll(() => accept.count(), { timeout: 10_000 }).toBeLessThan(due);
    await accept.or(proceed).first().waitFor();
  }
  await proceed.click();
}

/** A DPO (or prosecutor) logs in on the way to the rights desk (SPEC RGT-GEN-01). */
export async function logInToRightsDesk(page: Page, user: DemoLogin, recoveryCode: string): Promise<void> {
  const t = TEXTS.fr;
  await page.goto('/rights-desk');
  await heading(page, t.login.title);
  await submitLogin(page, 'fr', { email: user.email, password: user.password, recoveryCode });
  await acceptDueTexts(page, 'fr', t.rights.title);
  await heading(page, t.rights.title);
}

/** The id of the case whose page is open. */
export function caseIdOf(page: Page): string {
  const match = /\/cases\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname);
  if (!match?.[1]) throw new Error(`not a case page: ${page.url()}`);
  return match[1];
}

/** The case as the server shows it to the page's user (the same session as the page). */
export async function caseAsSeen(page: Page, caseId: string): Promise<{ status: number; kase?: CaseDetail }> {
  const response = await page.request.get(`/api/cases/${caseId}`);
  return response.ok()
    ? { status: response.status(), kase: (await response.json()) as CaseDetail }
    : { status: response.status() };
}

/** Creates a case from the dashboard's "new case" link; the case page opens. */
export async function createCase(
  page: Page,
  language: Language,
  framework: string,
  title: string,
): Promise<string> {
  const t = TEXTS[language].newCase;
  await page.getByRole('link', { name: TEXTS[language].dashboard.newCase, exact: true }).click();
  await heading(page, t.title);
  await page.getByLabel(t.framework, { exact: true }).selectOption({ label: framework });
  await page.getByLabel(t.caseTitle, { exact: true }).fill(title);
  // The demo frameworks serve one purpose each: it is checked for the user.
  expect(
    await page.getByRole('group', { name: t.purposes }).getByRole('checkbox', { checked: true }).count(),
  ).toBe(1);
  await expectNoSeriousAxeViolations(page, 'new case form');
  await page.getByRole('button', { name: t.submit, exact: true }).click();
  await heading(page, title);
  return caseIdOf(page);
}

export interface NewPerson {
  surname: string;
  firstNames: string;
  birthDate: string;
  nationalRegisterNumber: string;
}

/** Adds the subject of the consultation from the case page. */
export async function addSubject(page: Page, language: Language, person: NewPerson): Promise<void> {
  const t = TEXTS[language].personForm;
  const form = page.getByRole('region', { name: t.title });
  await form.getByRole('radio', { name: t.roles.subject }).check();
  await form.getByLabel(t.fields.surname, { exact: true }).fill(person.surname);
  await form.getByLabel(t.fields.firstNames, { exact: true }).fill(person.firstNames);
  await form.getByLabel(t.fields.birthDate, { exact: true }).fill(person.birthDate);
  await form.getByLabel(t.fields.nationalRegisterNumber, { exact: true }).fill(person.nationalRegisterNumber);
  await form.getByRole('button', { name: t.submit, exact: true }).click();
  const name = `${person.surname}, ${person.firstNames}`;
  await page.getByRole('status').getByText(fill(t.added, { name }), { exact: true }).waitFor();
}

export interface NewItem {
  category: CategoryCode;
  /** The persons it is about, as the form names them ("Surname, First names"). */
  persons: string[];
  content: string;
  relevance?: string;
  sourceReference: string;
}

/** Adds information from the case page, already held by the user's organisation. */
export async function addItem(page: Page, language: Language, item: NewItem): Promise<void> {
  const t = TEXTS[language].itemForm;
  const form = page.getByRole('region', { name: t.title });
  await form.getByLabel(t.category, { exact: true }).selectOption(item.category);
  for (const person of item.persons) {
    await form.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(person)} \\(`) }).check();
  }
  await form.getByLabel(t.content, { exact: true }).fill(item.content);
  if (item.relevance) await form.getByLabel(t.relevance, { exact: true }).fill(item.relevance);
  await form.getByLabel(t.provenance.reference, { exact: true }).fill(item.sourceReference);
  await form.getByRole('checkbox', { name: t.missionConfirmed }).check();
  await form.getByRole('button', { name: t.submit, exact: true }).click();
  const added = fill(t.added, { category: TEXTS[language].categories[item.category] });
  await page.getByRole('status').getByText(added, { exact: true }).waitFor();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A civil date `days` from today in Brussels, as a date field takes it. */
export function brusselsDate(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Brussels' }).format(at);
}

/** Collects in `errors` every answer of the server that was an error of its own (5xx): a journey expects none. */
export function watchServerErrors(errors: string[], page: Page): void {
  page.on('response', (response) => {
    if (response.status() >= 500)
      errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
}
