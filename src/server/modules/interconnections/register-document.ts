/**
 * The register of interconnections as a PDF (SPEC PEN-12: evidence of L1992 art. 39 11°, the
 * interconnections made in breach of the royal decrees under art. 21): per interconnection, its
 * parties and approvals, its legal basis and royal-decree reference with its conditions, what it
 * maps, its security measures, its history and its volumes. It names no person.
 */
import type { InterconnectionRegister } from '../../../contracts/interconnections.js';
import type { Language } from '../../../contracts/language.js';
import type { PdfDocumentSpec, PdfSection } from '../../kernel/pdf/index.js';
import { registerFooter } from '../declarations/declaration-texts.js';

interface RegisterTexts {
  title: string;
  banner: string;
  controller: string;
  owner: string;
  counterpart: string;
  framework: string;
  direction: string;
  legalBasis: string;
  royalDecree: string;
  noRoyalDecree: string;
  conditions: string;
  security: string;
  mapping: string;
  matching: string;
  matchingOff: string;
  credential: string;
  party: string;
  approved: string;
  notApproved: string;
  switchedOff: string;
  state: string;
  history: string;
  exchanges: string;
  none: string;
}

const TEXTS: Record<Language, RegisterTexts> = {
  fr: {
    title: 'Registre des interconnexions (art. 21 de la loi du 8 décembre 1992)',
    banner:
      "Registre des connexions entre dossiers tenu par le responsable du traitement ; il ne contient aucune donnée d'une personne.",
    controller: 'Responsable du traitement',
    owner: 'Responsable du système connecté',
    counterpart: 'Environnement de dossiers connecté',
    framework: 'Cadre de la concertation de cas',
    direction: 'Sens',
    legalBasis: 'Base légale',
    royalDecree: 'Arrêté royal (art. 21)',
    noRoyalDecree: 'aucun',
    conditions: 'Conditions',
    security: 'Mesures de sécurité',
    mapping: 'Champs et catégories de données',
    matching: 'Rapprochement des personnes',
    matchingOff: 'désactivé',
    credential: 'Clé du système connecté',
    party: 'Partie',
    approved: 'approuvé le',
    notApproved: 'pas encore approuvé',
    switchedOff: 'coupé le',
    state: 'État',
    history: 'Historique',
    exchanges: 'Échanges (acceptés / refusés / éléments)',
    none: 'Aucune interconnexion.',
  },
  nl: {
    title: 'Register van de onderlinge verbindingen (art. 21 van de wet van 8 december 1992)',
    banner:
      'Register van de koppelingen tussen de dossieromgevingen, bijgehouden door de verwerkingsverantwoordelijke; het bevat geen gegevens van een persoon.',
    controller: 'Verwerkingsverantwoordelijke',
    owner: 'Verantwoordelijke van het gekoppelde systeem',
    counterpart: 'Gekoppelde dossieromgeving',
    framework: 'Kader van het casusoverleg',
    direction: 'Richting',
    legalBasis: 'Rechtsgrond',
    royalDecree: 'Koninklijk besluit (art. 21)',
    noRoyalDecree: 'geen',
    conditions: 'Voorwaarden',
    security: 'Beveiligingsmaatregelen',
    mapping: 'Velden en gegevenscategorieën',
    matching: 'In verband brengen van personen',
    matchingOff: 'uitgeschakeld',
    credential: 'Sleutel van het gekoppelde systeem',
    party: 'Partij',
    approved: 'goedgekeurd op',
    notApproved: 'nog niet goedgekeurd',
    switchedOff: 'uitgeschakeld op',
    state: 'Stand',
    history: 'Geschiedenis',
    exchanges: 'Uitwisselingen (aanvaard / geweigerd / elementen)',
    none: 'Geen onderlinge verbindingen.',
  },
  de: {
    title: 'Register der Verknüpfungen (Art. 21 des Gesetzes vom 8. Dezember 1992)',
    banner:
      'Register der Verbindungen zwischen Akten, geführt vom für die Verarbeitung Verantwortlichen; es enthält keine Daten einer Person.',
    controller: 'Für die Verarbeitung Verantwortlicher',
    owner: 'Verantwortlicher des verbundenen Systems',
    counterpart: 'Verbundene Aktenumgebung',
    framework: 'Rahmen der Fallbesprechung',
    direction: 'Richtung',
    legalBasis: 'Rechtsgrundlage',
    royalDecree: 'Königlicher Erlass (Art. 21)',
    noRoyalDecree: 'keiner',
    conditions: 'Bedingungen',
    security: 'Sicherheitsmaßnahmen',
    mapping: 'Felder und Datenkategorien',
    matching: 'Abgleich von Personen',
    matchingOff: 'ausgeschaltet',
    credential: 'Schlüssel des verbundenen Systems',
    party: 'Partei',
    approved: 'genehmigt am',
    notApproved: 'noch nicht genehmigt',
    switchedOff: 'abgeschaltet am',
    state: 'Stand',
    history: 'Verlauf',
    exchanges: 'Übermittlungen (angenommen / abgelehnt / Elemente)',
    none: 'Keine Verknüpfungen.',
  },
  en: {
    title: 'Register of interconnections (art. 21 of the Law of 8 December 1992)',
    banner:
      'Register of the connections between file environments kept by the controller; it holds no data of any person.',
    controller: 'Controller',
    owner: 'Controller of the connected system',
    counterpart: 'Connected file environment',
    framework: 'Framework of the case consultation',
    direction: 'Direction',
    legalBasis: 'Legal basis',
    royalDecree: 'Royal decree (art. 21)',
    noRoyalDecree: 'none',
    conditions: 'Conditions',
    security: 'Security measures',
    mapping: 'Fields and data categories',
    matching: 'Person matching',
    matchingOff: 'off',
    credential: 'Key of the connected system',
    party: 'Party',
    approved: 'approved on',
    notApproved: 'not approved yet',
    switchedOff: 'switched off on',
    state: 'State',
    history: 'History',
    exchanges: 'Exchanges (accepted / refused / items)',
    none: 'No interconnection.',
  },
};

export function registerPdfSpec(
  register: InterconnectionRegister,
  meta: { language: Language; exportedBy: string; at: Date },
): PdfDocumentSpec {
  const t = TEXTS[meta.language];
  const sections: PdfSection[] = [
    {
      heading: t.controller,
      paragraphs: [
        register.controller.legalName,
        ...(register.interconnections.length === 0 ? [t.none] : []),
      ],
    },
    ...register.interconnections.flatMap(({ interconnection: i, history, exchanges }): PdfSection[] => [
      {
        heading: i.name,
        fields: [
          [t.owner, i.owner.legalName],
          [t.counterpart, `${i.counterpart.system} (${i.counterpart.operator})`],
          [t.framework, i.framework.name],
          [t.direction, i.direction],
          [t.legalBasis, i.legalBasis],
          [t.royalDecree, i.royalDecree?.reference ?? t.noRoyalDecree],
          ...(i.royalDecree?.conditions
            ? ([[t.conditions, i.royalDecree.conditions]] as [string, string][])
            : []),
          [t.security, i.securityMeasures],
          [t.mapping, i.fieldMapping.map((entry) => `${entry.field} → ${entry.category}`).join(', ')],
          [
            t.matching,
            i.personMatching.rule === 'off'
              ? t.matchingOff
              : `${i.personMatching.rule} (${i.personMatching.basis})`,
          ],
          [t.credential, `${i.credential.algorithm} ${i.credential.fingerprint}`],
          ...i.parties.map((party): [string, string] => [
            `${t.party}: ${party.organisation.legalName}`,
            [
              party.approval
                ? `${t.approved} ${party.approval.at.slice(0, 10)} (${party.approval.by})`
                : t.notApproved,
              ...(party.suspension
                ? [`${t.switchedOff} ${party.suspension.at.slice(0, 10)}: ${party.suspension.reason}`]
                : []),
            ].join('; '),
          ]),
          [t.state, i.state],
          [t.exchanges, `${exchanges.accepted} / ${exchanges.refused} / ${exchanges.items}`],
        ],
      },
      {
        heading: `${t.history}: ${i.name}`,
        paragraphs: history.map(
          (line) =>
            `${line.at.slice(0, 16).replace('T', ' ')} ${line.kind} · ${line.organisation.legalName} · ${line.by}${line.reason ? ` · ${line.reason}` : ''}`,
        ),
      },
    ]),
  ];
  return {
    language: meta.language,
    title: t.title,
    banner: t.banner,
    watermark: `${meta.exportedBy} · ${register.controller.legalName} · ${meta.at.toISOString()}`,
    // SPEC DCL-25 (L1992 art. 18 al. 4): the register numbers of the processing on every page (PEN-10).
    footer: `${registerFooter(register.registerNumbers, meta.language)} · ${meta.at.toISOString()}`,
    metadata: {
      subject: t.title,
      keywords: ['L1992 art. 21', 'L1992 art. 39 11°'],
      author: register.controller.legalName,
      creationDate: meta.at,
    },
    sections,
  };
}
