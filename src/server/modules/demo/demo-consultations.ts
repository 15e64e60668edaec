/**
 * The demo's consultations and own-file transfers as data (issue 4 scope 5 and 6; SPEC WFL-09,
 * WFL-10, FIL-05..09): meetings with minutes, decisions and actions (one of them overdue), one
 * still ahead, and three transfers (one exported, one waiting for its controller, one agreed and
 * waiting for its requester's attestation and export).
 */
import type { PurposeCode } from '../../../contracts/legal-codes.js';
import type { DemoFrameworkKey } from './demo-frameworks.js';
import type { DemoOrganisationKey } from './demo-identities.js';
import type { StaffKey } from './demo-staff.js';

export type DemoConsultationKey = 'veiligHuisPast' | 'veiligHuisToday' | 'csilRecent' | 'csilAhead';

export interface DemoAgendaItem {
  case: string;
  minutes: string;
  decisions: string[];
  actions: {
    assignee: Exclude<DemoOrganisationKey, 'host'>;
    /** Relative to the day of the seeding: negative is past (an overdue action when still open). */
    dueInDays: number;
    description: string;
    /** Done by the assignee's member. */
    doneBy?: StaffKey;
  }[];
}

export interface DemoConsultation {
  key: DemoConsultationKey;
  framework: DemoFrameworkKey;
  /** Relative to the moment of the seeding. */
  scheduledInDays: number;
  cases: string[];
  /** Scheduled only, or opened (and closed: its cases move to follow-up, WFL-08). */
  state: 'scheduled' | 'open' | 'closed';
  attendees: StaffKey[];
  agenda: DemoAgendaItem[];
}

export const DEMO_CONSULTATIONS: readonly DemoConsultation[] = [
  {
    key: 'veiligHuisPast',
    framework: 'veiligHuis',
    scheduledInDays: -21,
    cases: ['vhFollowUp', 'vhClosed'],
    state: 'closed',
    attendees: [
      'cpasCoordinator',
      'cpasSocialWorker',
      'policeInspector',
      'youthCounsellor',
      'parquetSubstitute',
    ],
    agenda: [
      {
        case: 'vhFollowUp',
        minutes:
          'Tour de table. La police résume les trois interventions; le CPAS expose la situation de logement et le suivi ' +
          'psychiatrique; le SAJ rapporte que l’enfant est suivi à l’école. Le risque reste élevé tant que Monsieur ' +
          'Lemaire ne suit pas son traitement.',
        decisions: [
          'Un plan de sécurité est établi avec Madame Lemaire et son fils.',
          'La situation est réévaluée à la prochaine concertation.',
        ],
        actions: [
          {
            assignee: 'police',
            dueInDays: -7,
            description: 'Transmettre au parquet le rapport des dernières interventions.',
          },
          {
            assignee: 'youthCare',
            dueInDays: 14,
            description: 'Proposer un accompagnement de l’enfant par le SAJ.',
            doneBy: 'youthCounsellor',
          },
          {
            assignee: 'cpas',
            dueInDays: 21,
            description: 'Entamer la procédure de prévention de l’expulsion.',
          },
        ],
      },
      {
        case: 'vhClosed',
        minutes:
          'De partner verblijft bij haar zus; de politie volgt het contactverbod op. Geen nieuwe incidenten sinds drie weken.',
        decisions: ['Het dossier wordt afgesloten als er binnen twee weken geen nieuwe feiten zijn.'],
        actions: [
          {
            assignee: 'police',
            dueInDays: -10,
            description: 'Controle van de naleving van het contactverbod.',
            doneBy: 'policeInspector',
          },
        ],
      },
    ],
  },
  {
    key: 'veiligHuisToday',
    framework: 'veiligHuis',
    scheduledInDays: 0,
    cases: ['vhInConsultation'],
    state: 'open',
    attendees: ['cpasCoordinator', 'policeInspector', 'youthCounsellor'],
    agenda: [
      {
        case: 'vhInConsultation',
        minutes:
          'Bespreking van de risicotaxatie en van de situatie van de kinderen. De jeugdhulp neemt contact op met het ' +
          'kinderdagverblijf.',
        decisions: ['Er wordt samen met de partner een veiligheidsplan opgesteld.'],
        actions: [
          { assignee: 'youthCare', dueInDays: 7, description: 'Huisbezoek samen met het kinderdagverblijf.' },
          { assignee: 'police', dueInDays: 14, description: 'Opvolging van het contactverbod.' },
        ],
      },
    ],
  },
  {
    key: 'csilRecent',
    framework: 'csilR',
    scheduledInDays: -2,
    cases: ['csilInConsultation'],
    state: 'open',
    attendees: ['cpasCoordinator', 'policeInspector', 'parquetSubstitute'],
    agenda: [
      {
        case: 'csilInConsultation',
        minutes:
          'La police présente les publications et l’évaluation du risque. Le parquet examine une saisie administrative de ' +
          'l’arme. Le CPAS propose un premier contact par un travailleur de rue.',
        decisions: ['Le CPAS propose un entretien de contact.', 'La situation est réévaluée dans un mois.'],
        actions: [
          {
            assignee: 'police',
            dueInDays: -1,
            description: 'Vérifier la détention de l’arme de chasse et en faire rapport.',
          },
          { assignee: 'parquet', dueInDays: 10, description: 'Examiner la suite à donner aux publications.' },
        ],
      },
    ],
  },
  {
    key: 'csilAhead',
    framework: 'csilR',
    scheduledInDays: 14,
    cases: ['csilAccepted'],
    state: 'scheduled',
    attendees: [],
    agenda: [],
  },
];

export interface DemoTransfer {
  case: string;
  by: StaffKey;
  items: string[];
  purpose: PurposeCode;
  /** bill art. 4 al. 1 1°: why the shared file is not enough. */
  justification: string;
  /** bill art. 4 al. 1 2°: the controller's member decides; none yet when absent. */
  decidedBy?: StaffKey;
  /** FIL-06, then the export in these formats. */
  exports?: ('json' | 'pdf')[];
}

export const DEMO_TRANSFERS: readonly DemoTransfer[] = [
  {
    case: 'vhFollowUp',
    by: 'policeInspector',
    items: ['lemaireHousing'],
    purpose: 'P1',
    justification:
      'Le rapport de police au parquet doit mentionner la menace d’expulsion, qui aggrave le risque.',
    decidedBy: 'cpasSocialWorker',
    exports: ['json', 'pdf'],
  },
  {
    case: 'vhFollowUp',
    by: 'youthCounsellor',
    items: ['lemaireRisk'],
    purpose: 'P1',
    justification:
      'Le SAJ doit verser l’évaluation du risque au dossier de l’enfant pour motiver la mesure d’aide.',
  },
  {
    case: 'csilRelease',
    by: 'cpasCoordinator',
    items: ['delhayeConduct'],
    purpose: 'P2',
    justification:
      'Le CPAS doit motiver dans son propre dossier l’accompagnement social préparé pour la sortie.',
    decidedBy: 'prisonDirector',
  },
];
