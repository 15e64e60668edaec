/**
 * Headless Chromium from Debian's `chromium` package, driven by playwright-core, and the
 * accessibility gate every journey applies to each page it visits.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page as it is now; fails on any serious or critical violation. */
export async function expectNoSeriousAxeViolations(page: Page, state = ''): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (blocking.length === 0) return;
  const report = blocking.flatMap((violation) => [
    `${violation.impact} ${violation.id}: ${violation.help} (${violation.helpUrl})`,
    ...violation.nodes.map((node) => `  at ${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
  ]);
  const where = `${page.url()}${state ? ` (${state})` : ''}`;
  throw new Error(
    `${blocking.length} serious/critical accessibility violation(s) on ${where}:\n${report.join('\n')}`,
  );
}
