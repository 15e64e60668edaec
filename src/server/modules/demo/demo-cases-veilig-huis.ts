/**
 * Demo cases of the Veilig Huis framework (chain approach to intrafamily violence, bill Comm.
 * art. 2): police files from the compartment to closure, one in each state. Invented persons.
 */
import type { DemoCase } from './demo-cases.js';

const POLICE_REPORT_NL = 'PV GE.55.L1.004512/2026 (demo)';
const POLICE_REPORT_FR = 'PV NA.55.L3.002871/2026 (démo)';
const CPAS_FILE = 'Dossier social CPAS 2026/0412 (démo)';
const RISK_NL = 'De risicotaxatie bepaalt of het gevaar ernstig en dreigend is (art. 458ter Sw.).';
const RISK_FR = 'L’évaluation du risque établit si le danger est grave et imminent (art. 458ter C. pén.).';
const POLICE_GROUND_NL = {
  ground: 'a',
  justification:
    'Verwerking door de politie binnen haar wettelijke opdracht (art. 44/1 WPA), nodig om het risico in te schatten.',
};
const POLICE_GROUND_FR = {
  ground: 'a',
  justification:
    'Traitement par la police dans le cadre de sa mission légale (art. 44/1 LFP), nécessaire à l’évaluation du risque.',
};

export const VEILIG_HUIS_CASES: DemoCase[] = [
  {
    key: 'vhPrepared',
    framework: 'veiligHuis',
    author: 'policeInspector',
    title: 'Gezin Verbeke – herhaald partnergeweld',
    purposes: ['P1'],
    subjects: ['kevinVerbeke'],
    relations: [
      {
        person: 'sarahDeSmet',
        of: ['kevinVerbeke'],
        necessity:
          'Partner en slachtoffer van de gemelde feiten: haar veiligheid is het doel van het overleg.',
      },
    ],
    items: [
      {
        category: 'C11',
        about: ['kevinVerbeke', 'sarahDeSmet'],
        content:
          'Risicotaxatie van de politie na de derde interventie in zes maanden: hoog risico op herhaling. De betrokkene ' +
          'dreigde zijn partner te doden als zij vertrekt; de incidenten worden frequenter en ernstiger; telkens alcoholgebruik.',
        relevance: RISK_NL,
        source: POLICE_REPORT_NL,
      },
      {
        category: 'C09',
        about: ['kevinVerbeke'],
        content:
          'Drie eerdere registraties voor opzettelijke slagen en verwondingen binnen het gezin (2024–2026).',
        details: {
          judicialSubtype: 'judicial_police',
          sourceReference: 'ANG-registratie 2026/GE/00871 (demo)',
        },
        special: POLICE_GROUND_NL,
        relevance: 'Het gerechtelijk verleden onderbouwt de risicotaxatie.',
        judicial: { reference: POLICE_REPORT_NL },
        source: 'Algemene Nationale Gegevensbank (demo)',
      },
      {
        category: 'C07',
        about: ['kevinVerbeke'],
        content: 'Het gezin bestaat uit de betrokkene, zijn partner en hun dochter van vier jaar.',
        household: ['sarahDeSmet'],
        details: { adults: 2, children: 1 },
        source: POLICE_REPORT_NL,
      },
    ],
  },
  {
    key: 'vhReview',
    framework: 'veiligHuis',
    author: 'policeInspector',
    title: 'Famille Jacquet – menaces répétées envers la conjointe',
    purposes: ['P1'],
    subjects: ['olivierJacquet'],
    relations: [
      {
        person: 'alineRenson',
        of: ['olivierJacquet'],
        necessity: 'Conjointe visée par les menaces: sa protection est l’objet de la concertation.',
      },
    ],
    items: [
      {
        category: 'C11',
        about: ['olivierJacquet', 'alineRenson'],
        content:
          'Évaluation du risque par la police après l’appel d’une voisine: menaces verbales répétées, confiscation du ' +
          'téléphone de la conjointe, isolement progressif. Risque moyen à élevé.',
        relevance: RISK_FR,
        source: POLICE_REPORT_FR,
      },
      {
        category: 'C14',
        about: ['olivierJacquet'],
        content:
          'Comportement de contrôle: vérifie les déplacements de sa conjointe et exige des comptes sur chaque dépense.',
        relevance: 'Le contrôle coercitif est un indicateur reconnu d’escalade.',
        source: POLICE_REPORT_FR,
      },
    ],
    review: { reason: 'Demande d’évaluation par le parquet avant tout signalement.' },
  },
  {
    key: 'vhNotSignalled',
    framework: 'veiligHuis',
    author: 'policeInspector',
    title: 'Dossier Hermans – conflict na scheiding',
    purposes: ['P1'],
    subjects: ['dirkHermans'],
    items: [
      {
        category: 'C11',
        about: ['dirkHermans'],
        content:
          'Twee meldingen van verbale conflicten bij de overdracht van de kinderen na de scheiding; geen fysiek geweld, geen bedreigingen.',
        relevance: RISK_NL,
        source: 'PV GE.55.L1.003190/2026 (demo)',
      },
    ],
    review: {
      decision: 'do_not_signal',
      reason: 'Geen ernstig en dreigend gevaar: doorverwijzing naar bemiddeling en het CAW volstaat.',
    },
  },
  {
    key: 'vhSignalled',
    framework: 'veiligHuis',
    author: 'policeInspector',
    title: 'Gezin Bogaerts – geweld van zoon tegen moeder',
    purposes: ['P1'],
    subjects: ['nielsBogaerts'],
    relations: [
      {
        person: 'veerleBogaerts',
        of: ['nielsBogaerts'],
        necessity: 'Moeder en slachtoffer van het geweld: haar veiligheid staat centraal.',
      },
    ],
    items: [
      {
        category: 'C11',
        about: ['nielsBogaerts', 'veerleBogaerts'],
        content:
          'Vier interventies in drie maanden voor fysiek geweld van de zoon tegen zijn moeder; zij durft geen klacht meer in te dienen.',
        relevance: RISK_NL,
        source: 'PV GE.55.L1.005077/2026 (demo)',
      },
      {
        category: 'C02',
        about: ['veerleBogaerts'],
        content: 'Veilig contact met de moeder enkel via e-mail, niet via de vaste lijn thuis.',
        details: {
          contacts: [
            {
              kind: 'email',
              value: 'veerle.bogaerts@mail.demo.example',
              source: 'Verklaring van de betrokkene',
              date: '2026-01-15',
            },
          ],
        },
        source: 'PV GE.55.L1.005077/2026 (demo)',
      },
      {
        category: 'C06',
        about: ['nielsBogaerts'],
        content: 'Spijbelt sinds januari en brengt de nachten door bij vrienden buiten het gezin.',
        details: { tags: ['schoolverzuim', 'nachtelijk uitgaan'] },
        source: 'Verhoor van de moeder (demo)',
        keepInCompartment: true,
      },
    ],
    signal: true,
  },
  {
    key: 'vhSignalledByParquet',
    framework: 'veiligHuis',
    author: 'policeInspector',
    title: 'Famille Gilson – violences conjugales, signalement du parquet',
    purposes: ['P1'],
    subjects: ['stephaneGilson'],
    relations: [
      {
        person: 'nathaliePiron',
        of: ['stephaneGilson'],
        necessity: 'Compagne et victime des faits: sa sécurité est l’objet de la concertation.',
      },
    ],
    items: [
      {
        category: 'C11',
        about: ['stephaneGilson', 'nathaliePiron'],
        content:
          'Coups portés à la compagne le 2 février; deuxième intervention en un mois. Évaluation du risque: élevé ' +
          '(menaces de mort, tentative d’étranglement rapportée).',
        relevance: RISK_FR,
        source: 'PV NA.55.L3.001244/2026 (démo)',
      },
      {
        category: 'C09',
        about: ['stephaneGilson'],
        content:
          'Antécédents: deux procès-verbaux pour coups et blessures volontaires sur partenaire (2023, 2025).',
        details: { judicialSubtype: 'judicial_police', sourceReference: 'BNG – fait 2026/NA/01244 (démo)' },
        special: POLICE_GROUND_FR,
        relevance: 'Les antécédents étayent l’évaluation du risque.',
        source: 'Banque de données nationale générale (démo)',
        keepInCompartment: true,
      },
    ],
    review: {
      decision: 'signal',
      reason:
        'Danger grave et imminent pour la compagne: le parquet signale la situation à la concertation Veilig Huis.',
    },
  },
  {
    key: 'vhAccepted',
    framework: 'veiligHuis',
    author: 'policeInspector',
    title: 'Gezin Goossens – stalking door ex-partner',
    purposes: ['P1'],
    subjects: ['jorisGoossens'],
    relations: [
      {
        person: 'liesbethVermeulen',
        of: ['jorisGoossens'],
        necessity: 'Ex-partner en slachtoffer van de belaging.',
      },
    ],
    items: [
      {
        category: 'C11',
        about: ['jorisGoossens', 'liesbethVermeulen'],
        content:
          'Sinds de breuk in november: dagelijkse berichten, opwachten aan het werk, schending van het contactverbod.',
        relevance: RISK_NL,
        source: 'PV GE.55.L1.000618/2026 (demo)',
      },
      {
        category: 'C14',
        about: ['jorisGoossens'],
        content:
          'Volgt de ex-partner met de wagen en gebruikt telkens nieuwe telefoonnummers om het blokkeren te omzeilen.',
        relevance: 'Het gedrag wijst op een escalerend belagingspatroon.',
        source: 'PV GE.55.L1.000618/2026 (demo)',
      },
    ],
    signal: true,
    decision: { accept: true, reason: 'Herhaalde belaging met escalatie: ketenaanpak aangewezen.' },
    admit: [
      {
        organisation: 'parquet',
        ground: 'knowledge_of_person',
        justification: 'Het parket volgt het contactverbod op en kent de betrokkene.',
      },
      {
        organisation: 'youthCare',
        ground: 'expertise',
        justification: 'De jeugdhulp begeleidt het kind van het koppel bij de omgangsregeling.',
      },
    ],
    // The parquet and youth care have yet to approve: the first consultation cannot open (WFL-07).
    approvals: ['policeInspector'],
  },
  {
    key: 'vhRefused',
    framework: 'veiligHuis',
    author: 'policeInspector',
    title: 'Famille Henrard – différend entre frères',
    purposes: ['P1'],
    subjects: ['bernardHenrard'],
    items: [
      {
        category: 'C11',
        about: ['bernardHenrard'],
        content:
          'Dispute verbale entre deux frères adultes au sujet d’un héritage; aucune violence physique, aucune menace.',
        relevance: RISK_FR,
        source: 'PV NA.55.L3.003310/2026 (démo)',
      },
    ],
    signal: true,
    decision: {
      accept: false,
      reason:
        'Pas de danger grave et imminent au sens de l’article 458ter: la situation relève d’une médiation civile.',
    },
  },
  {
    key: 'vhInConsultation',
    framework: 'veiligHuis',
    author: 'policeInspector',
    title: 'Gezin Van den Broeck – partnergeweld met jonge kinderen',
    purposes: ['P1'],
    subjects: ['pieterVandenBroeck'],
    relations: [
      {
        person: 'inesVandenBroeck',
        of: ['pieterVandenBroeck'],
        necessity: 'Partner en slachtoffer; moeder van de twee jonge kinderen.',
      },
    ],
    items: [
      {
        category: 'C11',
        about: ['pieterVandenBroeck', 'inesVandenBroeck'],
        content: 'Drie interventies; de kinderen (2 en 5 jaar) waren telkens aanwezig. Risicotaxatie: hoog.',
        relevance: RISK_NL,
        source: 'PV GE.55.L1.002044/2026 (demo)',
      },
      {
        category: 'C07',
        about: ['pieterVandenBroeck'],
        content: 'Twee volwassenen en twee jonge kinderen in een appartement met één slaapkamer.',
        household: ['inesVandenBroeck'],
        details: { adults: 2, children: 2 },
        source: 'PV GE.55.L1.002044/2026 (demo)',
      },
      {
        category: 'C04',
        about: ['pieterVandenBroeck'],
        content: 'Gehuwd, Belgische nationaliteit.',
        details: { sex: 'male', nationality: 'BE', civilStatus: 'married', residenceStatus: 'belgian' },
        source: 'Rijksregister (demo)',
      },
    ],
    signal: true,
    decision: { accept: true, reason: 'Ernstig risico voor de partner en de kinderen.' },
    admit: [
      {
        organisation: 'youthCare',
        ground: 'expertise',
        justification: 'De jeugdhulp volgt de jonge kinderen op.',
      },
      {
        organisation: 'parquet',
        ground: 'knowledge_of_person',
        justification: 'Het parket behandelt de processen-verbaal van de interventies.',
      },
    ],
    approvals: ['policeInspector', 'youthCounsellor', 'parquetSubstitute'],
    shared: [
      {
        by: 'youthCounsellor',
        category: 'C16',
        about: ['inesVandenBroeck'],
        content: 'Le milieu d’accueil signale que le plus jeune enfant est souvent absent depuis un mois.',
        relevance: 'L’absence de l’enfant peut indiquer un isolement de la famille.',
        source: 'Dossier SAJ 2026/087 (démo)',
      },
    ],
    paperParts: [
      {
        description: 'Ondertekende originelen van de processen-verbaal van de drie interventies',
        contentIndex:
          'PV GE.55.L1.002044/2026 (9 blz.) met 6 foto’s van de woning; twee eerdere PV’s (elk 4 blz.); handgeschreven verklaring van de partner (3 blz.).',
        pageCount: 20,
        categories: ['C01', 'C07', 'C11'],
        about: ['pieterVandenBroeck', 'inesVandenBroeck'],
        location: { building: 'Politiehuis Gent (demo)', room: 'Archief gerechtelijke dossiers 0.14', cabinet: 'Kast 3, map 2026/17' },
        custodianFunction: 'Archivaris gerechtelijke dossiers',
      },
      {
        by: 'youthCounsellor',
        description: 'Rapport papier du milieu d’accueil',
        contentIndex: 'Relevé des présences du plus jeune enfant (2 p.) et note manuscrite de la puéricultrice (1 p.).',
        pageCount: 3,
        categories: ['C16'],
        about: ['inesVandenBroeck'],
        location: { building: 'Service de l’aide à la jeunesse (démo)', cabinet: 'Armoire fermée, dossier SAJ 2026/087' },
        custodianFunction: 'Conseiller de l’aide à la jeunesse',
      },
    ],
  },
  {
    key: 'vhFollowUp',
    framework: 'veiligHuis',
    author: 'policeInspector',
    title: 'Famille Lemaire – violences intrafamiliales et endettement',
    purposes: ['P1'],
    subjects: ['julienLemaire'],
    relations: [
      { person: 'sandrineLemaire', of: ['julienLemaire'], necessity: 'Épouse et victime des violences.' },
      {
        person: 'lucasLemaire',
        of: ['julienLemaire'],
        necessity: 'Enfant témoin des violences: sa sécurité doit être évaluée.',
      },
    ],
    items: [
      {
        key: 'lemaireRisk',
        category: 'C11',
        about: ['julienLemaire', 'sandrineLemaire', 'lucasLemaire'],
        content:
          'Évaluation du risque par la police: violences physiques répétées envers l’épouse, en présence de l’enfant. Risque élevé.',
        relevance: RISK_FR,
        source: 'PV NA.55.L3.000954/2026 (démo)',
      },
      {
        key: 'lemaireStatus',
        category: 'C04',
        about: ['julienLemaire'],
        content: 'Marié, de nationalité belge, sans emploi depuis 2024.',
        details: { sex: 'male', nationality: 'BE', civilStatus: 'married', residenceStatus: 'belgian' },
        source: 'Registre national (démo)',
      },
      {
        category: 'C07',
        about: ['julienLemaire'],
        content: 'Le ménage compte les deux époux et leur fils de onze ans.',
        household: ['sandrineLemaire', 'lucasLemaire'],
        details: { adults: 2, children: 1 },
        source: 'PV NA.55.L3.000954/2026 (démo)',
      },
    ],
    signal: true,
    decision: {
      accept: true,
      reason: 'Violences répétées en présence d’un enfant: la concertation est nécessaire.',
    },
    admit: [
      {
        organisation: 'youthCare',
        ground: 'expertise',
        justification: 'Le service de l’aide à la jeunesse peut évaluer la situation de l’enfant.',
      },
      {
        organisation: 'parquet',
        ground: 'knowledge_of_person',
        justification: 'Le parquet connaît la famille par des procès-verbaux antérieurs.',
      },
    ],
    approvals: ['policeInspector', 'youthCounsellor', 'parquetSubstitute'],
    shared: [
      {
        by: 'cpasSocialWorker',
        category: 'C10',
        about: ['julienLemaire'],
        content:
          'Suivi psychiatrique ambulatoire depuis 2025 pour une dépendance à l’alcool; le traitement est suivi irrégulièrement.',
        details: {
          healthProfessional: { name: 'Dr Anne Collard', registration: 'INAMI 1-00000-00-001 (démo)' },
          healthSource: 'other',
          healthSourceJustification: 'necessary',
        },
        special: {
          ground: 'g',
          justification:
            'Nécessaire pour prévenir un danger concret pour l’épouse et l’enfant (L2007 art. 7 §2 g).',
        },
        relevance: 'La dépendance à l’alcool est le principal facteur de risque identifié.',
        source: CPAS_FILE,
      },
      {
        key: 'lemaireHousing',
        by: 'cpasSocialWorker',
        category: 'C08',
        about: ['julienLemaire', 'sandrineLemaire', 'lucasLemaire'],
        content: 'Logement social de deux chambres; quatre mois d’arriérés de loyer et menace d’expulsion.',
        source: CPAS_FILE,
      },
      {
        by: 'cpasSocialWorker',
        category: 'C05',
        about: ['julienLemaire'],
        content:
          'Dettes de loyer, d’énergie et de crédit à la consommation; une médiation de dettes est en cours.',
        details: { creditorType: 'mixed', amountRange: '5000_25000' },
        source: CPAS_FILE,
      },
      {
        by: 'youthCounsellor',
        category: 'C16',
        about: ['lucasLemaire'],
        content: 'Note du SAJ: l’enfant a confirmé à l’école avoir assisté aux faits de janvier.',
        relevance: 'Complète l’évaluation du risque pour l’enfant.',
        source: 'Dossier SAJ 2026/118 (démo)',
        annotates: 'lemaireRisk',
      },
    ],
    corrections: [
      {
        by: 'cpasSocialWorker',
        item: 'lemaireStatus',
        text: 'Monsieur Lemaire travaille à temps partiel depuis mars: merci de corriger la mention « sans emploi ».',
      },
    ],
    followUp: [
      {
        by: 'cpasSocialWorker',
        category: 'C06',
        about: ['julienLemaire'],
        content:
          'Après la concertation, Monsieur Lemaire a rejoint le groupe de parole du CPAS pour auteurs de violences.',
        details: { tags: ['groupe de parole'] },
        source: { followingConsultation: 'veiligHuisPast' },
      },
    ],
  },
  {
    key: 'vhClosed',
    framework: 'veiligHuis',
    author: 'policeInspector',
    title: 'Gezin Aerts – escalerend conflict',
    purposes: ['P1'],
    subjects: ['wimAerts'],
    items: [
      {
        category: 'C11',
        about: ['wimAerts'],
        content: 'Escalerende ruzies met materiële schade; de partner verblijft tijdelijk bij familie.',
        relevance: RISK_NL,
        source: 'PV GE.55.L1.001871/2026 (demo)',
      },
    ],
    signal: true,
    decision: { accept: true, reason: 'Escalatie met risico voor de partner.' },
    admit: [
      {
        organisation: 'parquet',
        ground: 'knowledge_of_person',
        justification: 'Het parket legde een contactverbod op.',
      },
    ],
    approvals: ['policeInspector', 'parquetSubstitute'],
    paperParts: [
      {
        description: 'Papieren kopie van het proces-verbaal, meegebracht naar het overleg',
        contentIndex: 'Kopie van PV GE.55.L1.001871/2026 (6 blz.); het origineel blijft in het politiedossier.',
        pageCount: 6,
        categories: ['C01', 'C11'],
        about: ['wimAerts'],
        location: { building: 'Politiehuis Gent (demo)', room: 'Bureau recherche 1.08' },
        custodianFunction: 'Inspecteur dossierbeheerder',
        destroyed: 'De kopie is na het overleg versnipperd: het origineel volstaat.',
      },
    ],
    closure: {
      reason:
        'De partner heeft een veilige woning gevonden en het contactverbod wordt nageleefd: doel van het overleg bereikt.',
      reopen: {
        reason: 'Nieuwe melding van bedreigingen via sociale media: het dossier wordt heropend.',
        closeAgain: 'De bedreigingen worden door het parket opgevolgd; geen verder overleg nodig.',
      },
    },
  },
];
