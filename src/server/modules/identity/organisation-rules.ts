/**
 * Business rules of an organisation record, as pure functions over the whole record (after
 * an update is applied), so a create and an update are judged alike.
 */
import type { CreateOrganisation, OrganisationKind } from '../../../contracts/identity.js';
import type { FieldIssue } from '../../kernel/errors.js';
import { EU_EEA_COUNTRIES } from '../../kernel/legal-rules/countries.js';

/** bill art. 2 §1: the authorities and services the bill 0485 binds (SPEC SCO-01). */
const BILL_0485_KINDS: ReadonlySet<OrganisationKind> = new Set([
  'administrative_authority',
  'judicial_authority',
  'federal_service',
  'police_service',
]);

/**
 * Whether bill 0485 applies to the organisation's data, as far as its kind decides: SPEC
 * SCO-01 adds "and it takes part in a 458ter consultation", which the framework decides.
 */
export function bill0485Applies(kind: OrganisationKind): boolean {
  return BILL_0485_KINDS.has(kind);
}

/** Public bodies must designate a DPO: GDPR art. 37(1)(a); Law 30 July 2018 art. 63 (external – verify). */
const DPO_OPTIONAL_KINDS: ReadonlySet<OrganisationKind> = new Set(['other', 'platform_operator']);

/** EU member states and the EEA (Iceland, Liechtenstein, Norway): L2007 art. 3bis al. 1 2° (SPEC SCO-11). */
export const EU_EEA: ReadonlySet<string> = EU_EEA_COUNTRIES;

// Region codes that ICU names but that are not ISO 3166-1 countries.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'XK', 'ZZ']);
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

export function isIsoCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && regionNames.of(code) !== undefined;
}

/** "0216222403" or "0216.222.403" → "0216.222.403"; the shape is the contract's. */
export function formatEnterpriseNumber(value: string): string {
  const digits = value.replaceAll('.', '');
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

/** KBO/BCE check digits: the last two digits are 97 − (the first eight mod 97). */
export function hasValidEnterpriseChecksum(value: string): boolean {
  const digits = value.replaceAll('.', '');
  if (!/^[01]\d{9}$/.test(digits)) return false;
  return 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8));
}

const field = (name: string, message: string): FieldIssue => ({ field: `/body/${name}`, message });

/** Every rule the record breaks, one issue per field. */
export function organisationIssues(record: CreateOrganisation): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const host = record.kind === 'platform_operator';
  if (host && record.legalMission) {
    issues.push(
      field(
        'legalMission',
        'the platform operator hosts the file and has no mission in it (bill art. 3 §1 al. 2)',
      ),
    );
  } else if (!host && !record.legalMission) {
    issues.push(field('legalMission', 'is required for a participant (bill art. 2 §2 al. 1)'));
  }
  const country = record.establishmentCountry;
  if (!isIsoCountry(country)) {
    issues.push(field('establishmentCountry', 'must be an ISO 3166-1 alpha-2 country code'));
  } else if (!EU_EEA.has(country) && !record.belgianRepresentative) {
    issues.push(
      field(
        'belgianRepresentative',
        'is required for a controller established outside the EU/EEA (L2007 art. 3bis al. 2)',
      ),
    );
  }
  if (record.enterpriseNumber) {
    if (!hasValidEnterpriseChecksum(record.enterpriseNumber)) {
      issues.push(field('enterpriseNumber', 'is not a valid KBO/BCE number (check digits)'));
    }
  } else if (country === 'BE') {
    issues.push(
      field('enterpriseNumber', 'is required for a controller established in Belgium (L2007 art. 1 §4)'),
    );
  }
  if (!record.dpo && !DPO_OPTIONAL_KINDS.has(record.kind)) {
    issues.push(field('dpo', 'is required for a public body (GDPR art. 37(1)(a); Law 30 July 2018 art. 63)'));
  }
  return issues;
}
