/**
 * Starting points for the consultation types the bill names (bill Dév.; SPEC §22.9 G-101…G-105).
 * A template only pre-fills a draft: the operator completes the instrument's citation, the
 * participants, the organiser, the modalities and the default retention from the actual
 * instrument, and activation checks all of it (SPEC SCO-03). Their names are in the web app's
 * translations (`frameworks.templates.*`), in the glossary's words.
 */
import type { BasisKind, CreateFramework, FrameworkTemplate } from '../../../contracts/frameworks.js';
import type { PurposeCode } from '../../../contracts/legal-codes.js';

interface TemplateDefaults {
  basisKind: BasisKind | null;
  purposes: PurposeCode[];
  processingBasis: CreateFramework['processingBasis'];
}

/**
 * The bill itself is the processing basis of federal participants once in force (SPEC SCO-04);
 * the Flemish decree of 30 June 2023 is the one the bill names for the Veilige Huizen (bill Dév.).
 */
const BILL_0485 = { kind: 'bill_0485', citation: 'Bill DOC 56 0485/001, arts 2-8' } as const;

export const FRAMEWORK_TEMPLATE_DEFAULTS: Record<FrameworkTemplate, TemplateDefaults> = {
  // G-101: local integrated security cells (CSIL-R / LIVC-R): organised under a law; they prevent
  // terrorist offences (CP art. 458ter §1 al. 2, second purpose).
  csil_r: { basisKind: 'law', purposes: ['P2'], processingBasis: BILL_0485 },
  // G-102: the consultation on terrorism, extremism and radicalism in prison.
  prison_radicalisation: { basisKind: null, purposes: ['P2'], processingBasis: BILL_0485 },
  // G-103 / G-106: the chain approach to intra-family violence, in Flanders under the decree on
  // the Veilige Huizen; protecting the integrity of the person or of third parties.
  intrafamily_violence: {
    basisKind: 'decree',
    purposes: ['P1'],
    processingBasis: {
      kind: 'federated_decree',
      citation:
        'Décret flamand du 30 juin 2023 relatif au traitement des données à caractère personnel dans le cadre ' +
        "d'une collaboration multidisciplinaire lors de la participation à une concertation de cas sur la base " +
        "de l'article 458ter du Code pénal",
    },
  },
  // G-104: the chain approach to juvenile delinquency, commonly under a protocol of the procureur du Roi.
  juvenile_delinquency: { basisKind: 'prosecutor_authorisation', purposes: ['P1'], processingBasis: BILL_0485 },
  // G-105: the case consultation on vulnerable persons.
  vulnerable_persons: { basisKind: null, purposes: ['P1'], processingBasis: BILL_0485 },
};
