/**
 * Three documents a controller's DPO produces from the configuration and the logs, pure builders
 * and their PDF form:
 * - the processing statement ("état", L1992 art. 16 §1 1°; SPEC SEC-13, PEN-01): for a period, the
 *   nature of the data, the purposes, the consultations and the persons or categories of persons
 *   the data were transmitted to;
 * - the information pack the Commission may require (L2007/L1992 art. 17 §4; SPEC DCL-16): the
 *   origin of the data, the automation technique chosen, the security measures;
 * - the manual-file sheet (L2007/L1992 art. 19; SPEC DCL-26, PEN-11): the art. 17 information of
 *   the paper parts, with where they are kept and what they hold.
 * Every page carries the register numbers of the controller's processing (SPEC DCL-25).
 *
 * The interconnections and matchings of the statement (L1992 art. 16 §1 1°, SPEC INT-04) come from
 * the interconnections module's register and exchange log (`interconnectionStatement`).
 */
import type {
  DeclarationContent,
  DeclarationLanguage,
  InformationPack,
  ManualFileSheet,
  ProcessingStatement,
} from '../../../contracts/declarations.js';
import type { OrganisationKind } from '../../../contracts/identity.js';
import type { CategoryCode, PurposeCode } from '../../../contracts/legal-codes.js';
import type { PaperLocation } from '../../../contracts/paper-parts.js';
import { DATA_CATEGORIES, PURPOSES } from '../../kernel/legal-rules/index.js';
import type { PdfDocumentSpec } from '../../kernel/pdf/index.js';
import type { InterconnectionVolumes } from '../interconnections/interconnection-statement.js';
import { declarationSections } from './declaration-document.js';
import { DECLARATION_TEXTS, registerFooter } from './declaration-texts.js';
import type { SecurityPlan } from './security-plan.js';

interface ReportTexts {
  statement: { title: string; banner: string };
  pack: { title: string; banner: string };
  sheet: { title: string; banner: string };
  headings: {
    period: string;
    purposes: string;
    categories: string;
    consultations: string;
    recipients: string;
    interconnections: string;
    provenance: string;
    architecture: string;
    securityPlan: string;
    paperParts: string;
    declaration: string;
  };
  labels: {
    from: string;
    to: string;
    recorded: string;
    consulted: string;
    events: string;
    byOwnStaff: string;
    byOthers: string;
    alreadyHeld: string;
    collected: string;
    host: string;
    location: string;
    custodian: string;
    pages: string;
    registered: string;
    destroyed: string;
    case: string;
    none: string;
    legalBasis: string;
    royalDecree: string;
    active: string;
    inactive: string;
    exchanges: (accepted: number, refused: number) => string;
    volumes: (records: number, items: number) => string;
    matched: string;
  };
  recipientClasses: Record<'third_party' | 'processor' | 'inquiry_authority', string>;
  architecture: string[];
}

const REPORT_TEXTS: Record<DeclarationLanguage, ReportTexts> = {
  fr: {
    statement: {
      title: 'État du traitement (loi du 8 décembre 1992, art. 16 § 1er, 1°)',
      banner: 'État du traitement: des nombres et des catégories, aucune donnée d’une personne concernée',
    },
    pack: {
      title: 'Informations pour la Commission (art. 17 § 4): origine des données, technique, sécurité',
      banner: 'Dossier d’information pour la Commission de la protection de la vie privée (art. 17 § 4)',
    },
    sheet: {
      title: 'Fichier manuel: informations de l’article 17 (art. 19)',
      banner: 'Fichier manuel (art. 19): emplacements et catégories, aucun contenu des pièces',
    },
    headings: {
      period: 'Période',
      purposes: 'Finalités',
      categories: 'Nature des données',
      consultations: 'Consultations',
      recipients: 'Personnes et catégories de personnes à qui les données ont été transmises',
      interconnections: 'Interconnexions',
      provenance: 'Origine des données',
      architecture: 'Technique d’automatisation',
      securityPlan: 'Mesures de sécurité',
      paperParts: 'Pièces papier',
      declaration: 'Déclaration',
    },
    labels: {
      from: 'Du',
      to: 'Au',
      recorded: 'enregistrées',
      consulted: 'consultations',
      events: 'Consultations des données',
      byOwnStaff: 'par le responsable du traitement',
      byOthers: 'par d’autres participants',
      alreadyHeld: 'déjà détenues',
      collected: 'collectées à la suite d’une concertation',
      host: 'Hébergeur',
      location: 'Emplacement',
      custodian: 'Gardien',
      pages: 'pages',
      registered: 'Enregistrée le',
      destroyed: 'Détruite le',
      case: 'Dossier',
      none: 'aucun',
      legalBasis: 'Base légale',
      royalDecree: 'Arrêté royal',
      active: 'active pendant la période',
      inactive: 'inactive pendant la période',
      exchanges: (accepted, refused) => `${accepted} échanges acceptés, ${refused} refusés`,
      volumes: (records, items) => `${records} enregistrements reçus, ${items} éléments inscrits`,
      matched: 'Personnes rapprochées',
    },
    recipientClasses: {
      third_party: 'tiers hors de Concerto',
      processor: 'sous-traitants',
      inquiry_authority: 'autorités d’enquête',
    },
    architecture: [
      'Concerto est une application web (Node.js, Fastify) et une base de données PostgreSQL, hébergées par la plate-forme nommée ci-dessous; les serveurs d’application sont sans état et se coordonnent par la base de données.',
      'Le contenu de chaque dossier (textes, identités, pièces jointes) est chiffré champ par champ en AES-256-GCM sous une clé de données propre au dossier, elle-même chiffrée par une clé maîtresse tenue hors de la base de données (fichier protégé ou service de clés de type Vault/OpenBao). La recherche exacte de personnes passe par des index aveugles (HMAC), jamais par du texte en clair.',
      'Chaque décision d’accès passe par un seul module, doublé par la sécurité au niveau des lignes de PostgreSQL; chaque opération est inscrite dans un journal en arbre de Merkle (RFC 9162) dont des points de contrôle signés (Ed25519) sont émis.',
      'Aucune décision n’est prise sur le seul fondement d’un traitement automatisé: les états d’un dossier changent par l’action d’une personne nommée.',
    ],
  },
  nl: {
    statement: {
      title: 'Staat van de verwerking (wet van 8 december 1992, art. 16 § 1, 1°)',
      banner: 'Staat van de verwerking: aantallen en categorieën, geen gegevens van een betrokkene',
    },
    pack: {
      title: 'Informatie voor de Commissie (art. 17 § 4): herkomst van de gegevens, techniek, beveiliging',
      banner:
        'Informatiedossier voor de Commissie voor de bescherming van de persoonlijke levenssfeer (art. 17 § 4)',
    },
    sheet: {
      title: 'Manueel bestand: informatie van artikel 17 (art. 19)',
      banner: 'Manueel bestand (art. 19): bewaarplaatsen en categorieën, geen inhoud van de stukken',
    },
    headings: {
      period: 'Periode',
      purposes: 'Doeleinden',
      categories: 'Aard van de gegevens',
      consultations: 'Raadplegingen',
      recipients: 'Personen en categorieën van personen aan wie de gegevens werden doorgegeven',
      interconnections: 'Onderlinge verbindingen',
      provenance: 'Herkomst van de gegevens',
      architecture: 'Gekozen automatiseringstechniek',
      securityPlan: 'Beveiligingsmaatregelen',
      paperParts: 'Papieren stukken',
      declaration: 'Aangifte',
    },
    labels: {
      from: 'Van',
      to: 'Tot',
      recorded: 'opgenomen',
      consulted: 'raadplegingen',
      events: 'Raadplegingen van de gegevens',
      byOwnStaff: 'door de verwerkingsverantwoordelijke',
      byOthers: 'door andere deelnemers',
      alreadyHeld: 'reeds in bezit',
      collected: 'verzameld naar aanleiding van een casusoverleg',
      host: 'Hostingpartner',
      location: 'Bewaarplaats',
      custodian: 'Bewaarder',
      pages: "pagina's",
      registered: 'Geregistreerd op',
      destroyed: 'Vernietigd op',
      case: 'Dossier',
      none: 'geen',
      legalBasis: 'Rechtsgrond',
      royalDecree: 'Koninklijk besluit',
      active: 'actief tijdens de periode',
      inactive: 'niet actief tijdens de periode',
      exchanges: (accepted, refused) => `${accepted} uitwisselingen aanvaard, ${refused} geweigerd`,
      volumes: (records, items) => `${records} records ontvangen, ${items} elementen opgenomen`,
      matched: 'Gekoppelde personen',
    },
    recipientClasses: {
      third_party: 'derden buiten Concerto',
      processor: 'verwerkers',
      inquiry_authority: 'onderzoeksautoriteiten',
    },
    architecture: [
      'Concerto is een webtoepassing (Node.js, Fastify) met een PostgreSQL-databank, gehost door het hieronder genoemde platform; de applicatieservers houden geen toestand bij en stemmen zich af via de databank.',
      'De inhoud van elk dossier (teksten, identiteiten, bijlagen) is veld per veld versleuteld met AES-256-GCM onder een eigen gegevenssleutel per dossier, die zelf versleuteld is met een hoofdsleutel buiten de databank (beveiligd bestand of sleuteldienst zoals Vault/OpenBao). Exact zoeken naar personen gebeurt via blinde indexen (HMAC), nooit via leesbare tekst.',
      'Elke toegangsbeslissing loopt via één module, ondersteund door beveiliging op rijniveau in PostgreSQL; elke handeling staat in een logboek als Merkle-boom (RFC 9162) waarvan ondertekende controlepunten (Ed25519) worden uitgegeven.',
      'Geen enkele beslissing wordt uitsluitend op grond van een geautomatiseerde verwerking genomen: de toestand van een dossier verandert door het optreden van een bij naam gekende persoon.',
    ],
  },
};

const categoryLabel = (code: string, language: DeclarationLanguage): string =>
  DATA_CATEGORIES.find((category) => category.code === code)?.label[language] ?? code;
const purposeLabel = (code: string, language: DeclarationLanguage): string =>
  PURPOSES.find((purpose) => purpose.code === code)?.label[language] ?? code;

interface ReportMeta {
  language: DeclarationLanguage;
  controller: { id: string; legalName: string };
  registerNumbers: readonly string[];
  generatedAt: Date;
}

function pdfFrame(
  meta: ReportMeta,
  texts: { title: string; banner: string },
  exportedBy: string,
  sections: PdfDocumentSpec['sections'],
  keywords: string[],
): PdfDocumentSpec {
  const at = meta.generatedAt.toISOString();
  return {
    language: meta.language,
    title: texts.title,
    banner: texts.banner,
    watermark: `${exportedBy} · ${meta.controller.legalName} · ${at}`,
    footer: `${registerFooter(meta.registerNumbers, meta.language)} · ${at}`,
    metadata: {
      subject: texts.banner,
      keywords,
      author: meta.controller.legalName,
      creationDate: meta.generatedAt,
    },
    sections,
  };
}

// --- SEC-13: the processing statement --------------------------------------------------------

export interface StatementFacts extends ReportMeta {
  period: { from: string; to: string };
  purposes: readonly PurposeCode[];
  categories: readonly { category: number; recorded: number; consulted: number }[];
  consultations: { events: number; own: number };
  recipients: readonly {
    organisation_id: string | null;
    legal_name: string | null;
    kind: string | null;
    recipient_class: string | null;
    count: number;
  }[];
  interconnections: readonly InterconnectionVolumes[];
}

export function buildStatement(facts: StatementFacts): ProcessingStatement {
  const { language } = facts;
  const kinds = DECLARATION_TEXTS[language].recipientKinds;
  const classes = REPORT_TEXTS[language].recipientClasses;
  const groups = new Map<
    string,
    { label: string; count: number; organisations: { legalName: string; count: number }[] }
  >();
  for (const row of facts.recipients) {
    const category = row.kind ?? row.recipient_class!;
    const label =
      row.kind !== null
        ? (kinds[row.kind as Exclude<OrganisationKind, 'platform_operator'>] ?? row.kind)
        : classes[row.recipient_class as keyof typeof classes];
    const group = groups.get(category) ?? { label, count: 0, organisations: [] };
    group.count += row.count;
    if (row.legal_name !== null) group.organisations.push({ legalName: row.legal_name, count: row.count });
    groups.set(category, group);
  }
  return {
    format: 'concerto.processing-statement/1',
    language,
    controller: facts.controller,
    period: facts.period,
    generatedAt: facts.generatedAt.toISOString(),
    purposes: [...facts.purposes].sort().map((code) => ({ code, label: purposeLabel(code, language) })),
    categories: facts.categories.map((row) => {
      const code = `C${String(row.category).padStart(2, '0')}`;
      return { code, label: categoryLabel(code, language), recorded: row.recorded, consulted: row.consulted };
    }),
    consultations: {
      events: facts.consultations.events,
      byOwnStaff: facts.consultations.own,
      byOtherOrganisations: facts.consultations.events - facts.consultations.own,
    },
    recipients: [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([category, group]) => ({ category, ...group })),
    interconnections: facts.interconnections.map((entry) => ({
      id: entry.interconnectionId,
      name: entry.name,
      counterpart: entry.counterpart,
      legalBasis: entry.legalBasis,
      royalDecree: entry.royalDecree?.reference ?? null,
      categories: entry.categories.map((code) => ({ code, label: categoryLabel(code, language) })),
      activeInPeriod: entry.activeInPeriod,
      exchanges: entry.exchanges,
      records: entry.records,
      items: entry.items,
      itemsByCategory: Object.entries(entry.itemsByCategory)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, count]) => ({ code, label: categoryLabel(code, language), count: count ?? 0 })),
      matchedPersons: entry.matchedPersons,
    })),
    registerNumbers: [...facts.registerNumbers],
  };
}

export function statementPdfSpec(
  statement: ProcessingStatement,
  meta: ReportMeta,
  exportedBy: string,
): PdfDocumentSpec {
  const texts = REPORT_TEXTS[statement.language];
  const { headings, labels } = texts;
  return pdfFrame(
    meta,
    texts.statement,
    exportedBy,
    [
      {
        heading: headings.period,
        fields: [
          [labels.from, statement.period.from],
          [labels.to, statement.period.to],
        ],
      },
      { heading: headings.purposes, paragraphs: statement.purposes.map((p) => `${p.code} – ${p.label}`) },
      {
        heading: headings.categories,
        paragraphs:
          statement.categories.length === 0
            ? [labels.none]
            : statement.categories.map(
                (c) =>
                  `${c.code} – ${c.label}: ${c.recorded} ${labels.recorded}, ${c.consulted} ${labels.consulted}`,
              ),
      },
      {
        heading: headings.consultations,
        fields: [
          [labels.events, String(statement.consultations.events)],
          [labels.byOwnStaff, String(statement.consultations.byOwnStaff)],
          [labels.byOthers, String(statement.consultations.byOtherOrganisations)],
        ],
      },
      {
        heading: headings.recipients,
        fields:
          statement.recipients.length === 0
            ? [[labels.none, '0']]
            : statement.recipients.map((r): [string, string] => [
                `${r.label} (${r.count})`,
                r.organisations.map((o) => `${o.legalName}: ${o.count}`).join('; ') || '—',
              ]),
      },
      {
        heading: headings.interconnections,
        paragraphs: statement.interconnections.length === 0 ? [labels.none] : [],
        fields: statement.interconnections.flatMap((i): [string, string][] => [
          [
            i.name,
            `${i.counterpart.system} (${i.counterpart.operator}), ${i.activeInPeriod ? labels.active : labels.inactive}`,
          ],
          [labels.legalBasis, i.legalBasis],
          ...(i.royalDecree ? ([[labels.royalDecree, i.royalDecree]] as [string, string][]) : []),
          [labels.exchanges(i.exchanges.accepted, i.exchanges.refused), labels.volumes(i.records, i.items)],
          ...i.itemsByCategory.map((c): [string, string] => [`${c.code} – ${c.label}`, String(c.count)]),
          [labels.matched, String(i.matchedPersons)],
        ]),
      },
    ],
    ['L1992 art. 16 §1 1°', statement.period.from, statement.period.to],
  );
}

// --- DCL-16: the information pack -------------------------------------------------------------

export interface PackFacts extends ReportMeta {
  provenance: readonly { category: string; provenance: string; count: number }[];
  host: { legalName: string; address: string } | null;
  plan: SecurityPlan;
  descriptions: readonly { declarationId: string; description: string }[];
}

export function buildInformationPack(facts: PackFacts): InformationPack {
  const { language } = facts;
  const codes = [...new Set(facts.provenance.map((row) => row.category))].sort();
  const count = (code: string, provenance: string) =>
    facts.provenance.find((row) => row.category === code && row.provenance === provenance)?.count ?? 0;
  return {
    format: 'concerto.information-pack/1',
    language,
    controller: facts.controller,
    generatedAt: facts.generatedAt.toISOString(),
    provenance: codes.map((code) => ({
      code,
      label: categoryLabel(code, language),
      alreadyHeld: count(code, 'already_held'),
      collectedFollowingConsultation: count(code, 'collected_following_consultation'),
    })),
    architecture: { paragraphs: REPORT_TEXTS[language].architecture, host: facts.host },
    securityPlan: {
      version: facts.plan.version,
      document: facts.plan.document,
      provisions: facts.plan.provisions,
      descriptions: [...facts.descriptions],
    },
    registerNumbers: [...facts.registerNumbers],
  };
}

export function informationPackPdfSpec(
  pack: InformationPack,
  meta: ReportMeta,
  exportedBy: string,
): PdfDocumentSpec {
  const texts = REPORT_TEXTS[pack.language];
  const { headings, labels } = texts;
  return pdfFrame(
    meta,
    texts.pack,
    exportedBy,
    [
      {
        heading: headings.provenance,
        paragraphs:
          pack.provenance.length === 0
            ? [labels.none]
            : pack.provenance.map(
                (p) =>
                  `${p.code} – ${p.label}: ${p.alreadyHeld} ${labels.alreadyHeld}, ${p.collectedFollowingConsultation} ${labels.collected}`,
              ),
      },
      {
        heading: headings.architecture,
        paragraphs: pack.architecture.paragraphs,
        fields: [
          [
            labels.host,
            pack.architecture.host
              ? `${pack.architecture.host.legalName}, ${pack.architecture.host.address}`
              : labels.none,
          ],
        ],
      },
      {
        heading: `${headings.securityPlan} (${pack.securityPlan.document}, ${pack.securityPlan.version})`,
        paragraphs: pack.securityPlan.descriptions.map((d) => d.description),
        fields: pack.securityPlan.provisions.map((p): [string, string] => [
          p.provision,
          `${p.asks}: ${p.controls}`,
        ]),
      },
    ],
    ['L2007 art. 17 §4'],
  );
}

// --- DCL-26: the manual-file sheet ------------------------------------------------------------

export interface SheetFacts extends ReportMeta {
  declarations: readonly {
    declarationId: string;
    registerNumber: string | null;
    content: DeclarationContent;
  }[];
  paperParts: readonly {
    id: string;
    caseId: string;
    frameworkId: string;
    categories: readonly string[];
    pageCount: number | null;
    location: PaperLocation;
    custodianFunction: string | null;
    registeredOn: string;
    destroyedOn: string | null;
  }[];
}

export function buildManualFileSheet(facts: SheetFacts): ManualFileSheet {
  const { language } = facts;
  const labelled = (codes: Iterable<string>) =>
    [...new Set(codes)]
      .sort()
      .map((code) => ({ code, label: categoryLabel(code as CategoryCode, language) }));
  return {
    format: 'concerto.manual-file-sheet/1',
    language,
    controller: facts.controller,
    generatedAt: facts.generatedAt.toISOString(),
    declarations: [...facts.declarations],
    categories: labelled(facts.paperParts.flatMap((part) => part.categories)),
    paperParts: facts.paperParts.map((part) => ({
      id: part.id,
      caseId: part.caseId,
      frameworkId: part.frameworkId,
      categories: labelled(part.categories),
      pageCount: part.pageCount,
      location: {
        building: part.location.building,
        room: part.location.room ?? null,
        cabinet: part.location.cabinet ?? null,
      },
      custodianFunction: part.custodianFunction,
      registeredOn: part.registeredOn,
      destroyedOn: part.destroyedOn,
    })),
  };
}

export function manualFileSheetPdfSpec(
  sheet: ManualFileSheet,
  meta: ReportMeta,
  exportedBy: string,
): PdfDocumentSpec {
  const texts = REPORT_TEXTS[sheet.language];
  const { headings, labels } = texts;
  const where = (location: ManualFileSheet['paperParts'][number]['location']) =>
    [location.building, location.room, location.cabinet].filter((part) => part !== null).join(', ');
  return pdfFrame(
    meta,
    texts.sheet,
    exportedBy,
    [
      {
        heading: headings.paperParts,
        paragraphs: sheet.paperParts.length === 0 ? [labels.none] : [],
        fields: sheet.paperParts.flatMap((part): [string, string][] => [
          [`${labels.case} ${part.caseId}`, part.categories.map((c) => `${c.code} – ${c.label}`).join('; ')],
          [labels.location, where(part.location)],
          [labels.custodian, part.custodianFunction ?? labels.none],
          [
            labels.registered,
            `${part.registeredOn}${part.pageCount ? ` (${part.pageCount} ${labels.pages})` : ''}${
              part.destroyedOn ? ` · ${labels.destroyed} ${part.destroyedOn}` : ''
            }`,
          ],
        ]),
      },
      ...sheet.declarations.flatMap((declaration) => [
        {
          heading: `${headings.declaration} ${declaration.registerNumber ?? declaration.declarationId}`,
          paragraphs: [],
        },
        ...declarationSections(declaration.content),
      ]),
    ],
    ['L2007 art. 19'],
  );
}
