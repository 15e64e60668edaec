/**
 * Named individual accounts (bill art. 3 §2 al. 1, "adequate user and access management";
 * SPEC SEC-01) and the roles a user may hold.
 */
import type { OrganisationKind, UserRole } from '../../../contracts/identity.js';
import type { FieldIssue } from '../../kernel/errors.js';

/**
 * Mailbox names of a service rather than of a person (FR/NL/DE/EN). An address whose local
 * part, or the first word of it ("info.cpas@", "secretariaat-ocmw@"), is one of these is a
 * shared account: SPEC SEC-01 forbids it, and PEN-19 needs every action to name a person.
 */
export const GENERIC_MAILBOXES: ReadonlySet<string> = new Set([
  'accueil',
  'admin',
  'administrateur',
  'administratie',
  'administration',
  'administrator',
  'contact',
  'helpdesk',
  'info',
  'mail',
  'no-reply',
  'noreply',
  'office',
  'onthaal',
  'postmaster',
  'secretariaat',
  'secretariat',
  'secrétariat',
  'sekretariat',
  'support',
  'team',
  'webmaster',
]);

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isGenericMailbox(email: string): boolean {
  const local = normaliseEmail(email).split('@')[0]!.split('+')[0]!;
  return GENERIC_MAILBOXES.has(local) || GENERIC_MAILBOXES.has(local.split(/[._-]/)[0]!);
}

/** A person's name: at least two words with a letter each (first name and surname). */
export function isPersonalName(displayName: string): boolean {
  return (
    displayName
      .trim()
      .split(/\s+/)
      .filter((word) => /\p{L}/u.test(word)).length >= 2
  );
}

/** Why `roles` cannot be held in an organisation of `kind`, or undefined when they can. */
export function roleProblem(kind: OrganisationKind, roles: readonly UserRole[]): string | undefined {
  if (kind === 'platform_operator') {
    // ARCHITECTURE §3.6, bill art. 3 §1 al. 2: hosting the file does not make the host a participant.
    // Its staff are processor staff (L2007 art. 1 §5; SPEC PRC-08): no role that acts in cases.
    return roles.length === 1 && roles[0] === 'operator'
      ? undefined
      : "the platform operator's staff hold the operator role only: the host is not a participant, its staff are processor staff with no role in cases (bill art. 3 §1 al. 2; L2007 art. 1 §5; SPEC PRC-08)";
  }
  return roles.includes('operator')
    ? "only the platform operator's staff administer the platform (ARCHITECTURE §3.6)"
    : undefined;
}

/** Issues of a new account's own fields (the organisation is judged by the service). */
export function accountIssues(email: string, displayName: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (isGenericMailbox(email)) {
    issues.push({
      field: '/body/email',
      message: 'is a shared mailbox: accounts are named and individual (bill art. 3 §2, SPEC SEC-01)',
    });
  }
  if (!isPersonalName(displayName)) {
    issues.push({
      field: '/body/displayName',
      message: "must be the person's first name and surname (SPEC SEC-01)",
    });
  }
  return issues;
}
