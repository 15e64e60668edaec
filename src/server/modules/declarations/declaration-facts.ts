/**
 * What the generator of the declaration reads (declaration-content.ts), loaded in the
 * transaction from the configuration: the controller, the frameworks the declaration covers with
 * their parties, the maintained fields of the declaration, the security plan's version and the
 * instance's legal periods. The generator itself stays pure.
 */
import type { OrganisationKind } from '../../../contracts/identity.js';
import type { CategoryCode, PurposeCode } from '../../../contracts/legal-codes.js';
import type { Tx } from '../../db/database.js';
import type { LegalRules } from '../../kernel/legal-rules/index.js';
import { transfersAbroad } from '../cross-border/transfers-abroad.js';
import { hostIdentity } from '../processors/processor-facts.js';
import {
  type CoveredFramework,
  type DeclarationFacts,
  type GeneratedContent,
  generateDeclarationContent,
} from './declaration-content.js';
import type { DeclarationRow, DeclarationsRepository, MappingRow } from './declarations.repository.js';
import { securityPlan } from './security-plan.js';

export interface FactsDeps {
  declarations: DeclarationsRepository;
  rules: LegalRules;
}

export async function declarationFacts(
  { declarations, rules }: FactsDeps,
  tx: Tx,
  row: DeclarationRow,
  mappings: readonly MappingRow[],
  date: string,
): Promise<DeclarationFacts> {
  const frameworkIds = mappings.map((mapping) => mapping.framework_id);
  // L1992 §3 3° and §6 (SPEC DCL-06, DCL-18..20): the host from the processor registry, and
  // the destinations abroad in force from the transfer register, foreign sub-processors included
  // (every processor's country passes the transfer check against that register).
  const [controller, frameworks, parties, host, abroad] = await Promise.all([
    declarations.organisation(tx, row.organisation_id),
    declarations.frameworks(tx, frameworkIds),
    declarations.parties(tx, frameworkIds),
    hostIdentity(tx, row.organisation_id),
    transfersAbroad(tx, row.organisation_id),
  ]);
  const offices = await declarations.organisationNames(
    tx,
    frameworks.map((f) => f.authorising_organisation_id).filter((id): id is string => id !== null),
  );
  const byId = new Map(frameworks.map((framework) => [framework.id, framework]));
  const covered: CoveredFramework[] = mappings.map((mapping) => {
    const f = byId.get(mapping.framework_id)!;
    return {
      id: f.id,
      name: f.name,
      state: f.state as CoveredFramework['state'],
      processingName: { fr: mapping.name_fr, nl: mapping.name_nl },
      basisKind: f.basis_kind as CoveredFramework['basisKind'],
      basisCitation:
        f.basis_title && f.basis_date && f.basis_article
          ? { title: f.basis_title, date: f.basis_date, article: f.basis_article }
          : null,
      authorisation:
        f.authorisation_reference && f.authorisation_date
          ? {
              reference: f.authorisation_reference,
              date: f.authorisation_date,
              office: f.authorising_organisation_id
                ? (offices.get(f.authorising_organisation_id) ?? null)
                : null,
            }
          : null,
      processingBasis: f.processing_basis_citation,
      purposes: f.purposes as PurposeCode[],
      allowedCategories: f.allowed_categories as CategoryCode[],
      defaultRetention: f.default_retention_months
        ? { months: f.default_retention_months, otherRule: f.default_retention_other_rule }
        : null,
      ownFileExportDisabled: f.own_file_export_disabled,
      exportFourEyes: f.export_four_eyes,
      parties: parties
        .filter((party) => party.framework_id === f.id)
        .map((party) => ({
          id: party.organisation_id,
          legalName: party.legal_name,
          kind: party.kind as OrganisationKind,
        })),
    };
  });
  const c = controller!;
  const plan = securityPlan();
  return {
    declarationId: row.id,
    language: row.language,
    date,
    purposes: row.purposes as PurposeCode[],
    purposeDescription: row.purpose_description,
    securityDescription: row.security_description,
    securityPlan: { version: plan.version, document: plan.document },
    controller: {
      id: c.id,
      kind: c.kind as OrganisationKind,
      dpRegime: c.dp_regime,
      legalName: c.legal_name,
      address: c.address,
      enterpriseNumber: c.enterprise_number,
      establishmentCountry: c.establishment_country,
      representative:
        c.be_representative_name && c.be_representative_address
          ? { name: c.be_representative_name, address: c.be_representative_address }
          : null,
      rightsContact: c.rights_contact,
    },
    frameworks: covered,
    periods: {
      maxRetention: rules.maxRetention.duration,
      draftRetention: rules.draftRetention.duration,
      prosecutorListErasure: rules.prosecutorListErasure.duration,
    },
    host: host
      ? {
          legalName: host.legalName,
          address: host.address,
          enterpriseNumber: host.enterpriseNumber,
          country: host.country,
        }
      : null,
    abroad,
  };
}

/** The content the configuration gives now for `row`, dated `date`, or the fields it lacks. */
export async function generateFor(
  deps: FactsDeps,
  tx: Tx,
  row: DeclarationRow,
  date: string,
): Promise<GeneratedContent> {
  const mappings = await deps.declarations.mappings(tx, [row.id]);
  return generateDeclarationContent(await declarationFacts(deps, tx, row, mappings, date));
}
