/**
 * Demo cases of the radicalisation frameworks (CSIL-R and the consultation in prison; bill Dév.):
 * preventing terrorist offences (CP art. 458ter §1 al. 2). Invented persons and facts.
 */
import type { DemoCase } from './demo-cases.js';

const JUDICIAL_GROUND_FR = {
  ground: 'a',
  justification:
    'Traitement par la police dans le cadre de sa mission légale (art. 44/1 LFP), nécessaire à l’évaluation de la menace.',
};
const JUDICIAL_GROUND_NL = {
  ground: 'a',
  justification:
    'Verwerking door de politie binnen haar wettelijke opdracht (art. 44/1 WPA), nodig om de dreiging in te schatten.',
};
const THREAT_FR = 'Nécessaire pour évaluer le risque de passage à l’acte violent.';
const THREAT_NL = 'Nodig om het risico op gewelddadige acties in te schatten.';

export const RADICALISATION_CASES: DemoCase[] = [
  {
    key: 'csilPrepared',
    framework: 'csilR',
    author: 'policeInspector',
    title: 'Radicalisation en ligne d’un jeune adulte',
    purposes: ['P2'],
    subjects: ['jordanDelvaux'],
    items: [
      {
        category: 'C13',
        about: ['jordanDelvaux'],
        content:
          'Partage régulier de contenus d’extrême droite accélérationniste sur des forums; glorification d’auteurs d’attentats.',
        special: {
          ground: 'l',
          justification:
            'Nécessaire pour évaluer un risque de passage à l’acte violent, finalité de prévention des infractions terroristes.',
          lawCitation:
            'Loi du 3 mars 2022 relative aux cellules de sécurité intégrale locales de la commune de Démo, art. 3 (démo)',
        },
        relevance: 'Les convictions exprimées sont le motif même du signalement à la CSIL-R.',
        source: 'Rapport d’information 2026/NA/INFO/0057 (démo)',
      },
      {
        category: 'C06',
        about: ['jordanDelvaux'],
        content:
          'Vit chez ses parents, a abandonné ses études et passe l’essentiel de ses journées en ligne.',
        details: { tags: ['jeux en ligne', 'isolement'] },
        source: 'Rapport d’information 2026/NA/INFO/0057 (démo)',
      },
      {
        category: 'C11',
        about: ['jordanDelvaux'],
        content: 'Aucun fait de violence connu; intérêt récent pour l’achat de répliques d’armes.',
        relevance: THREAT_FR,
        source: 'Rapport d’information 2026/NA/INFO/0057 (démo)',
      },
    ],
  },
  {
    key: 'csilReview',
    framework: 'csilR',
    author: 'policeInspector',
    title: 'Melding – dreigende berichten tegen het gemeentebestuur',
    purposes: ['P2'],
    subjects: ['kevinCools'],
    items: [
      {
        category: 'C14',
        about: ['kevinCools'],
        content:
          'Plaatst sinds maart dreigende berichten tegen de burgemeester en de schepenen op sociale media.',
        relevance: THREAT_NL,
        source: 'Informatierapport 2026/SN/0312 (demo)',
      },
      {
        category: 'C09',
        about: ['kevinCools'],
        content: 'Gekend voor verstoring van de openbare orde tijdens twee betogingen in 2025.',
        details: {
          judicialSubtype: 'administrative_police',
          sourceReference: 'ANG – bestuurlijke registratie 2026/SN/0312 (demo)',
        },
        special: JUDICIAL_GROUND_NL,
        relevance: 'Het verleden van de betrokkene is nodig om de ernst van de berichten te beoordelen.',
        source: 'Algemene Nationale Gegevensbank (demo)',
      },
    ],
    review: { reason: 'Evaluatie door het parket gevraagd voor een melding aan de LIVC-R.' },
  },
  {
    key: 'csilSignalled',
    framework: 'csilR',
    author: 'prisonDirector',
    title: 'Détenu en fin de peine – préparation de la sortie',
    purposes: ['P2'],
    subjects: ['yannickLeroy'],
    items: [
      {
        category: 'C14',
        about: ['yannickLeroy'],
        content:
          'Depuis six mois, tient en détention des propos qui légitiment la violence politique et s’isole des autres détenus.',
        relevance: THREAT_FR,
        source: 'Rapport du service psychosocial de la prison 2026/031 (démo)',
      },
      {
        category: 'C03',
        about: ['yannickLeroy'],
        content: 'Sans emploi avant l’incarcération; formation qualifiante suivie en détention.',
        details: {
          education: 'Enseignement secondaire inférieur',
          training: 'Formation en soudure suivie en détention (2025)',
        },
        source: 'Dossier de détention (démo)',
      },
    ],
    signal: true,
  },
  {
    // The prison's item read by the CPAS and the police, and copied by the CPAS to its own file:
    // the data a rectification at the prison's rights desk reaches (L2007 art. 12 §3).
    key: 'csilRelease',
    framework: 'csilR',
    author: 'prisonDirector',
    title: 'Libération prochaine – accompagnement de la sortie',
    purposes: ['P2'],
    subjects: ['renaudDelhaye'],
    items: [
      {
        key: 'delhayeConduct',
        category: 'C14',
        about: ['renaudDelhaye'],
        content: 'Sanctionné à trois reprises en 2026 pour des menaces envers le personnel pénitentiaire.',
        relevance: THREAT_FR,
        source: 'Rapport disciplinaire 2026/102 (démo)',
      },
    ],
    signal: true,
    decision: {
      accept: true,
      reason: 'Sortie prévue dans trois mois: la cellule prépare l’accompagnement.',
    },
    admit: [
      {
        organisation: 'police',
        ground: 'knowledge_of_person',
        justification: 'La police locale suivra la personne après sa libération.',
      },
    ],
    approvals: ['prisonDirector', 'policeInspector'],
  },
  {
    // The prison's only records, signalled to the CSIL-R, and a maximum retention of two months agreed
    // by the prison and the CPAS: the case to try the end of retention on (issue 6 scope 10). Once the
    // organiser closes it and the two months have passed (`concerto jobs run --as-of` on the demo), its
    // destruction list awaits the CPAS as keeper and the prison's DPO, both printed demo users.
    key: 'csilShortRetention',
    framework: 'csilR',
    author: 'prisonDirector',
    title: 'Détenu transféré – signalement sans suite',
    purposes: ['P2'],
    subjects: ['fabienCollard'],
    items: [
      {
        category: 'C14',
        about: ['fabienCollard'],
        content:
          'Refuse les activités de groupe depuis son transfert; aucun propos violent relevé par le personnel.',
        relevance: THREAT_FR,
        source: 'Rapport du service psychosocial de la prison 2026/058 (démo)',
      },
    ],
    signal: true,
    decision: {
      accept: true,
      reason: 'Une évaluation commune suffit: la cellule conserve le dossier deux mois après sa clôture.',
    },
    retentionMonths: 2,
    approvals: ['prisonDirector'],
  },
  {
    key: 'csilAccepted',
    framework: 'csilR',
    author: 'policeInspector',
    title: 'Casus Lenaerts – polarisering op school',
    purposes: ['P2'],
    subjects: ['tomLenaerts'],
    relations: [
      {
        person: 'katrienLenaerts',
        of: ['tomLenaerts'],
        necessity:
          'Moeder en wettelijke vertegenwoordiger van de minderjarige; zij wordt bij de begeleiding betrokken.',
      },
    ],
    items: [
      {
        category: 'C14',
        about: ['tomLenaerts'],
        content:
          'Verspreidt op school haatboodschappen tegen medeleerlingen en deelt propaganda van een gewelddadige groepering.',
        relevance: THREAT_NL,
        source: 'Melding van de school, PV GE.55.L1.006120/2026 (demo)',
      },
      {
        category: 'C02',
        about: ['katrienLenaerts'],
        content: 'Contact met de moeder per post of bij een huisbezoek.',
        details: {
          contacts: [
            {
              kind: 'postal',
              value: 'Scenariostraat 6, 9030 Mariakerke',
              source: 'Rijksregister (demo)',
              date: '2026-02-03',
            },
          ],
        },
        source: 'Rijksregister (demo)',
      },
    ],
    signal: true,
    decision: {
      accept: true,
      reason: 'Minderjarige met signalen van gewelddadige radicalisering: opvolging door de cel aangewezen.',
    },
    admit: [
      {
        organisation: 'youthCare',
        ground: 'expertise',
        justification: 'L’aide à la jeunesse peut proposer un accompagnement au jeune et à sa mère.',
      },
      {
        organisation: 'parquet',
        ground: 'knowledge_of_person',
        justification: 'Le parquet de la jeunesse connaît le jeune.',
      },
    ],
    approvals: ['policeInspector', 'youthCounsellor', 'parquetSubstitute'],
  },
  {
    key: 'csilInConsultation',
    framework: 'csilR',
    author: 'policeInspector',
    title: 'Menaces contre un centre d’accueil de demandeurs d’asile',
    purposes: ['P2'],
    subjects: ['damienNoel'],
    items: [
      {
        category: 'C14',
        about: ['damienNoel'],
        content:
          'A publié des appels à « nettoyer » le centre d’accueil de la commune et des photos du bâtiment.',
        relevance: THREAT_FR,
        source: 'PV NA.55.L3.004402/2026 (démo)',
      },
      {
        category: 'C09',
        about: ['damienNoel'],
        content: 'Condamné en 2021 pour incitation à la haine.',
        details: {
          judicialSubtype: 'judicial',
          sourceReference: 'Casier judiciaire central – extrait 2026/0091 (démo)',
        },
        special: JUDICIAL_GROUND_FR,
        relevance: 'La condamnation antérieure éclaire la gravité des menaces.',
        judicial: { reference: 'Jugement du tribunal correctionnel de Démo, 2021 (démo)' },
        source: 'Casier judiciaire central (démo)',
      },
      {
        category: 'C11',
        about: ['damienNoel'],
        content: 'Risque évalué comme élevé par la police; détient légalement une arme de chasse.',
        relevance: THREAT_FR,
        source: 'PV NA.55.L3.004402/2026 (démo)',
      },
    ],
    signal: true,
    decision: {
      accept: true,
      reason: 'Menaces précises contre un lieu identifié: suivi par la cellule nécessaire.',
    },
    admit: [
      {
        organisation: 'parquet',
        ground: 'knowledge_of_person',
        justification: 'Le parquet a suivi la condamnation de 2021.',
      },
    ],
    approvals: ['policeInspector', 'parquetSubstitute'],
    shared: [
      {
        by: 'cpasSocialWorker',
        category: 'C08',
        about: ['damienNoel'],
        content: 'Vit seul dans un appartement situé à proximité du centre d’accueil.',
        source: 'Dossier social CPAS 2025/1187 (démo)',
      },
    ],
  },
  {
    key: 'csilClosed',
    framework: 'csilR',
    author: 'youthCounsellor',
    title: 'Jeune en rupture – inquiétudes écartées',
    purposes: ['P2'],
    subjects: ['mathisLaurent'],
    items: [
      {
        category: 'C14',
        about: ['mathisLaurent'],
        content: 'Propos inquiétants rapportés par l’école après un deuil dans la famille.',
        relevance: THREAT_FR,
        source: 'Dossier SAJ 2026/044 (démo)',
      },
    ],
    signal: true,
    decision: { accept: true, reason: 'Signalement recevable: une évaluation commune est nécessaire.' },
    closure: {
      reason:
        'Après évaluation, aucun indice de radicalisation violente: le suivi se poursuit dans le cadre de l’aide à la jeunesse.',
    },
  },
  {
    key: 'prisonAccepted',
    framework: 'prison',
    author: 'policeInspector',
    title: 'Gedetineerde – contacten met een gewelddadig netwerk',
    purposes: ['P2'],
    subjects: ['kevinJacobs'],
    items: [
      {
        category: 'C09',
        about: ['kevinJacobs'],
        content: 'Veroordeeld in 2022 voor deelname aan de activiteiten van een terroristische groep.',
        details: {
          judicialSubtype: 'judicial',
          sourceReference: 'Centraal Strafregister – uittreksel 2026/0188 (demo)',
        },
        special: JUDICIAL_GROUND_NL,
        relevance: 'De veroordeling is de grond van het overleg in de gevangenis.',
        judicial: { reference: 'Vonnis van de correctionele rechtbank van Demo, 2022 (demo)' },
        source: 'Centraal Strafregister (demo)',
      },
    ],
    signal: true,
    decision: {
      accept: true,
      reason: 'Risque de reprise de contacts avec le réseau à l’approche de la libération.',
    },
    admit: [
      {
        organisation: 'parquet',
        ground: 'knowledge_of_person',
        justification: 'Le parquet fédéral a suivi la condamnation.',
      },
    ],
    approvals: ['policeInspector', 'parquetSubstitute'],
    shared: [
      {
        by: 'prisonDirector',
        category: 'C14',
        about: ['kevinJacobs'],
        content:
          'Contacts par un téléphone introduit illégalement avec des membres de l’ancien réseau, constatés lors d’une fouille.',
        relevance: THREAT_FR,
        source: 'Rapport disciplinaire 2026/077 (démo)',
      },
    ],
  },
];
