/**
 * Demo cases of the chain approach to juvenile delinquency (organised by the parquet) and of the
 * consultation on vulnerable persons (bill Dév.). Invented persons and facts.
 */
import type { DemoCase } from './demo-cases.js';

export const YOUTH_AND_VULNERABLE_CASES: DemoCase[] = [
  {
    key: 'juvenileAccepted',
    framework: 'juvenile',
    author: 'policeInspector',
    title: 'Jongere – reeks winkeldiefstallen en geweldpleging',
    purposes: ['P1'],
    // The same young person as in the Veilig Huis case "Gezin Bogaerts": found by the blind index (SEC-07).
    subjects: ['nielsBogaerts'],
    relations: [
      {
        person: 'veerleBogaerts',
        of: ['nielsBogaerts'],
        necessity: 'Moeder en wettelijke vertegenwoordiger van de minderjarige.',
      },
    ],
    items: [
      {
        category: 'C09',
        about: ['nielsBogaerts'],
        content: 'Zes processen-verbaal voor winkeldiefstal en één voor opzettelijke slagen (2025–2026).',
        details: {
          judicialSubtype: 'judicial_police',
          sourceReference: 'ANG-registratie 2026/GE/01533 (demo)',
        },
        special: {
          ground: 'a',
          justification:
            'Verwerking door de politie binnen haar wettelijke opdracht (art. 44/1 WPA), nodig voor de ketenaanpak.',
        },
        relevance: 'De reeks feiten is de aanleiding van het ketenoverleg.',
        source: 'Algemene Nationale Gegevensbank (demo)',
      },
      {
        category: 'C03',
        about: ['nielsBogaerts'],
        content: 'Volgt beroepsonderwijs; spijbelt vaak.',
        details: { education: 'Derde jaar secundair beroepsonderwijs' },
        source: 'Melding van de school (demo)',
      },
    ],
    signal: true,
    decision: {
      accept: true,
      reason: 'Herhaalde feiten door een minderjarige: ketenaanpak jeugddelinquentie aangewezen.',
    },
    admit: [
      {
        organisation: 'youthCare',
        ground: 'expertise',
        justification: 'De jeugdhulp kan een begeleidingstraject voor de jongere opzetten.',
      },
      {
        organisation: 'cpas',
        ground: 'knowledge_of_person',
        justification: 'Het OCMW begeleidt het gezin financieel.',
      },
    ],
    approvals: ['policeInspector', 'youthCounsellor', 'cpasSocialWorker'],
  },
  {
    key: 'vulnerablePrepared',
    framework: 'vulnerable',
    author: 'youthCounsellor',
    title: 'Mineure en situation de vulnérabilité – fugues répétées',
    purposes: ['P1'],
    subjects: ['leaMathieu'],
    items: [
      {
        category: 'C11',
        about: ['leaMathieu'],
        content: 'Quatre fugues depuis septembre; retrouvée à deux reprises en compagnie d’adultes inconnus.',
        relevance: 'Les fugues répétées exposent la mineure à un danger grave.',
        source: 'Dossier SAJ 2026/152 (démo)',
      },
      {
        category: 'C08',
        about: ['leaMathieu'],
        content: 'Vit avec sa mère dans un studio, sans espace à elle.',
        source: 'Dossier SAJ 2026/152 (démo)',
      },
    ],
  },
  {
    key: 'vulnerableClosedDraft',
    framework: 'vulnerable',
    author: 'policeInspector',
    title: 'Personne âgée isolée – inquiétude du voisinage',
    purposes: ['P1'],
    subjects: ['georgesDewulf'],
    items: [
      {
        category: 'C08',
        about: ['georgesDewulf'],
        content: 'Logement insalubre signalé par les voisins; pas de chauffage en état de marche.',
        source: 'PV NA.55.L3.005530/2026 (démo)',
      },
      {
        category: 'C06',
        about: ['georgesDewulf'],
        content: 'Ne sort plus de chez lui et refuse l’aide des voisins.',
        details: { tags: ['isolement'] },
        source: 'PV NA.55.L3.005530/2026 (démo)',
      },
    ],
    closeDraft:
      'Pris en charge par le service seniors du CPAS par les voies habituelles: pas de concertation nécessaire.',
  },
];
