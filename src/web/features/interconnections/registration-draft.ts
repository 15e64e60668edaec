/**
 * The registration form's state and the body it sends (L1992 art. 21; SPEC INT-01..INT-03). Texts
 * are trimmed so that the server names an empty one; the royal decree is sent only when the
 * interconnection is regulated by one; person matching carries its basis only when it is on; the
 * parties are those of the chosen framework (a party of another framework is never sent).
 */
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import type { RegisterInterconnection, RegistrationOptions } from '../../../contracts/interconnections.js';

export interface MappingDraft {
  field: string;
  /** '' until chosen. */
  category: CategoryCode | '';
}

export interface RegistrationDraft {
  name: string;
  frameworkId: string;
  system: string;
  operator: string;
  partyIds: string[];
  legalBasis: string;
  regulatedByRoyalDecree: boolean;
  royalDecreeReference: string;
  royalDecreeConditions: string;
  securityMeasures: string;
  fieldMapping: MappingDraft[];
  matching: 'off' | 'national_register_number';
  matchingBasis: string;
  rateLimitPerMinute: string;
  publicKey: string;
}

export const emptyMapping = (): MappingDraft => ({ field: '', category: '' });

export function emptyRegistration(): RegistrationDraft {
  return {
    name: '',
    frameworkId: '',
    system: '',
    operator: '',
    partyIds: [],
    legalBasis: '',
    regulatedByRoyalDecree: false,
    royalDecreeReference: '',
    royalDecreeConditions: '',
    securityMeasures: '',
    fieldMapping: [emptyMapping()],
    matching: 'off',
    matchingBasis: '',
    rateLimitPerMinute: '60',
    publicKey: '',
  };
}

type Framework = RegistrationOptions['frameworks'][number];

export function registrationBody(
  draft: RegistrationDraft,
  framework: Framework | undefined,
): RegisterInterconnection {
  const parties = new Set(framework?.parties.map((party) => party.id) ?? []);
  const conditions = draft.royalDecreeConditions.trim();
  return {
    name: draft.name.trim(),
    frameworkId: draft.frameworkId,
    counterpart: { system: draft.system.trim(), operator: draft.operator.trim() },
    direction: 'inbound',
    partyIds: draft.partyIds.filter((id) => parties.has(id)),
    legalBasis: draft.legalBasis.trim(),
    royalDecree: draft.regulatedByRoyalDecree
      ? { reference: draft.royalDecreeReference.trim(), ...(conditions !== '' && { conditions }) }
      : null,
    securityMeasures: draft.securityMeasures.trim(),
    // An unchosen category is sent as it is, for the server to name the row it refuses.
    fieldMapping: draft.fieldMapping.map((row) => ({
      field: row.field.trim(),
      category: row.category as CategoryCode,
    })),
    personMatching:
      draft.matching === 'off'
        ? { rule: 'off' }
        : { rule: 'national_register_number', basis: draft.matchingBasis.trim() },
    // Not a whole number (empty: 0): the server names the field.
    rateLimitPerMinute: Number(draft.rateLimitPerMinute.trim()),
    publicKey: draft.publicKey.trim(),
  };
}
