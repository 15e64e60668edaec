/**
 * Journey: the declarations of processing and the public register (issue 6 scopes 4 and 10; L2007
 * arts 17-18; SPEC DCL-24, DCL-07). The demo DPO of the prison, in French, opens its declarations
 * from the navigation, sees what is left to do with the Commission, opens the declaration the demo
 * submitted, sees the content the configuration declares today and its versions, and exports the
 * declaration as a PDF naming the processing. Logged out, the login page leads to the public
 * register, which shows the declaration's entry without login. axe on every page.
 * Recovery code: dpo [2] (rights-rectification uses [6]).
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type {
  DeclarationContent,
  DeclarationList,
  PublicRegister,
} from '../../src/contracts/declarations.js';
import { pdfText } from '../support/pdf-text.js';
import { expectNoSeriousAxeViolations, launchBrowser } from './support/browser.js';
import { acceptDueTexts, watchServerErrors } from './support/case-journey.js';
import { demoUser, fill, heading, Profiles, submitLogin, TEXTS } from './support/journey.js';

let browser: Browser;
let profiles: Profiles;

beforeAll(async () => {
  browser = await launchBrowser();
  profiles = new Profiles(browser);
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  await profiles.close();
});

const fr = TEXTS.fr;
const x = fr.declarations;

describe('the declarations of a DPO and the public register', () => {
  test('DCL-24 DCL-07 the DPO exports its declaration as PDF naming the processing, and the public register shows it without login', async () => {
    const failures: string[] = [];
    const dpo = demoUser('dpo');
    const page = await profiles.open('fr-BE');
    watchServerErrors(failures, page);

    await page.goto('/declarations');
    await heading(page, fr.login.title);
    await submitLogin(page, 'fr', {
      email: dpo.email,
      password: dpo.password,
      recoveryCode: dpo.recoveryCodes[2]!,
    });
    await acceptDueTexts(page, 'fr', x.title);
    await heading(page, x.title);
    expect(await page.getByRole('link', { name: fr.nav.declarations, exact: true }).count()).toBe(1);

    // The demo submitted the declaration three months ago; the Commission has not acknowledged it.
    const listed = await page.request.get('/api/declarations');
    expect(listed.status()).toBe(200);
    const list = (await listed.json()) as DeclarationList;
    const declaration = list.declarations.find((candidate) => candidate.lastSubmittedOn !== null);
    expect(declaration).toBeDefined();
    const name = declaration!.frameworks.map((framework) => framework.frameworkName).join(', ');
    const table = page.getByRole('table', { name: x.list.caption });
    await table.getByRole('rowheader', { name, exact: true }).waitFor();
    const items = page.getByRole('region', { name: x.items.title });
    expect(list.complianceItems.some((item) => item.kind === 'acknowledgement_overdue')).toBe(true);
    await items.getByText(fill(x.items.acknowledgement_overdue, { name }), { exact: true }).first().waitFor();
    await expectNoSeriousAxeViolations(page, 'declarations list');

    // The declaration opened: the content it declares today, and its submitted version.
    await page.getByRole('button', { name: fill(x.list.open, { name }), exact: true }).click();
    const detail = page.getByRole('region', { name: fill(x.detail.titleOf, { name }) });
    await detail.getByRole('heading', { level: 3, name: x.detail.preview.title, exact: true }).waitFor();
    const preview = await page.request.get(`/api/declarations/${declaration!.id}/preview?format=json`);
    expect(preview.status()).toBe(200);
    const content = (await preview.json()) as DeclarationContent;
    const processing = content.sections.name.processings[0]!;
    await detail.getByText(processing.fr, { exact: true }).first().waitFor();
    const versions = detail.getByRole('table', { name: fill(x.versions.caption, { name }) });
    expect(await versions.getByRole('row').count()).toBe(2);
    expect(await versions.getByRole('row').nth(1).textContent()).toContain(x.versionKinds.declaration);
    // Not acknowledged yet: the DPO may record the acknowledgement of receipt of version 1.
    await detail.getByRole('button', { name: x.versions.acknowledge.submit, exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page, 'declaration opened');

    // The export: a PDF naming the processing (§3 4°) in the declaration's language.
    const download = page.waitForEvent('download');
    await detail.getByRole('button', { name: x.detail.preview.pdf, exact: true }).click();
    const file = await download;
    const bytes = await readFile(await file.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(bytes)).toContain(processing[content.language]);
    await page.getByRole('status').getByText(x.detail.pdfSaved, { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page, 'declaration exported');

    // Logged out, the login page leads to the public register: the entry is there, without login.
    await page.getByRole('button', { name: fr.nav.logout, exact: true }).click();
    await heading(page, fr.login.title);
    await page.getByRole('link', { name: fr.publicRegister.link, exact: true }).click();
    await heading(page, fr.publicRegister.title);
    const session = await page.request.get('/api/session');
    expect(session.status()).toBe(401);
    const register = (await (await page.request.get('/api/public/register')).json()) as PublicRegister;
    const entry = register.entries.find((candidate) => candidate.declarationId === declaration!.id);
    expect(entry).toBeDefined();
    const entryName = entry!.content.sections.name.processings
      .map((named) => named[entry!.content.language])
      .join(', ');
    const article = page.getByRole('article', { name: entryName, exact: true });
    await article.getByText(fr.publicRegister.noRegisterNumber, { exact: true }).waitFor();
    await article.getByText(processing.fr, { exact: true }).first().waitFor();
    await article
      .getByRole('link', { name: fill(fr.publicRegister.pdf, { name: entryName }), exact: true })
      .waitFor();
    // No personal data: neither the DPO who declared it nor their address appears.
    expect(await page.getByText(dpo.email).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'public register');

    expect(failures).toEqual([]);
  });
});
