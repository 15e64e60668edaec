/**
 * The security plan of the shared file (docs/security-plan.md; SPEC FIL-03, SEC-03) as the
 * declaration cites it: §3 11° gives a general description of the security measures and refers
 * to the plan's version (SPEC DCL-14), and the Commission's information pack contains the plan
 * (art. 17 §4, SPEC DCL-16). The plan is read from the document itself, so that a new version of
 * the plan shows up as a difference with the declaration submitted (SEC-10).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../package-info.js';

export const SECURITY_PLAN_DOCUMENT = 'docs/security-plan.md';

export interface SecurityPlan {
  version: string;
  document: string;
  /** Each provision bill art. 3 §2 cites, what it asks, and the controls that implement it. */
  provisions: { provision: string; asks: string; controls: string }[];
}

/** The plan's version line ("Version 1 (issue 4).") and its table of provisions. */
export function parseSecurityPlan(markdown: string): SecurityPlan {
  const version = /^Version\s+([0-9][0-9A-Za-z.-]*)/m.exec(markdown)?.[1];
  if (!version) throw new Error(`${SECURITY_PLAN_DOCUMENT} states no version`);
  const provisions = markdown
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| provision') && !line.startsWith('|---'))
    .map((line) => {
      const [, provision = '', asks = '', controls = ''] = line.split('|').map((cell) => cell.trim());
      return { provision, asks, controls };
    });
  return { version, document: SECURITY_PLAN_DOCUMENT, provisions };
}

let cached: SecurityPlan | undefined;

export function securityPlan(): SecurityPlan {
  cached ??= parseSecurityPlan(readFileSync(path.join(packageRoot(), SECURITY_PLAN_DOCUMENT), 'utf8'));
  return cached;
}
