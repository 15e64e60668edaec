/**
 * The demo's cases as data (issue 4 scope 8): who prepares each one, its persons and items, and
 * how far it goes along the workflow of bill art. 2 §3 (SPEC WFL-01..13). seed-cases.ts takes
 * each one through the services, so every rule applies to this data as to any other. About
 * twenty cases in every state, in French and in Dutch; every person and fact is invented.
 */
import type { ADMISSION_GROUNDS } from '../../../contracts/cases.js';
import type { CreateItem, ItemDetails } from '../../../contracts/items.js';
import type { CategoryCode, PurposeCode } from '../../../contracts/legal-codes.js';
import { RADICALISATION_CASES } from './demo-cases-radicalisation.js';
import { VEILIG_HUIS_CASES } from './demo-cases-veilig-huis.js';
import { YOUTH_AND_VULNERABLE_CASES } from './demo-cases-youth.js';
import type { DemoConsultationKey } from './demo-consultations.js';
import type { DemoFrameworkKey } from './demo-frameworks.js';
import type { DemoOrganisationKey } from './demo-identities.js';
import type { PersonKey } from './demo-persons.js';
import type { StaffKey } from './demo-staff.js';

export interface DemoItem {
  /** To refer to the item later (annotations, corrections, transfers). */
  key?: string;
  /** Its author, whose organisation becomes its controller; the case's author by default. */
  by?: StaffKey;
  category: CategoryCode;
  about: PersonKey[];
  content: string;
  details?: Omit<ItemDetails, 'householdPersonIds'>;
  /** C07: the household members who are relations of the case. */
  household?: PersonKey[];
  relevance?: string;
  special?: NonNullable<CreateItem['special']>;
  judicial?: { reference: string };
  /** SCO-05: already held, with its reference; or collected following a consultation. */
  source: string | { followingConsultation: DemoConsultationKey };
  /** Left out of the signalling: it stays in the compartment (SPEC WFL-03). */
  keepInCompartment?: boolean;
  /** ROL-09: a note on another participant's item. */
  annotates?: string;
}

/** A paper annex a participant holds (SPEC SCO-09): registered once the case is accepted. */
export interface DemoPaperPart {
  /** Its holder's member who registers it; the case's author by default. */
  by?: StaffKey;
  description: string;
  contentIndex: string;
  pageCount: number;
  categories: CategoryCode[];
  about: PersonKey[];
  location: { building: string; room?: string; cabinet?: string };
  custodianFunction: string;
  /** Destroyed on the holder's decision, for this reason, the day it is registered. */
  destroyed?: string;
}

export interface DemoRelation {
  person: PersonKey;
  of: PersonKey[];
  /** bill art. 2 §2 al. 2: why processing this person's data is necessary. */
  necessity: string;
}

export interface DemoCase {
  key: string;
  framework: DemoFrameworkKey;
  /** The member of the compartment that pre-registers it. */
  author: StaffKey;
  title: string;
  purposes: PurposeCode[];
  subjects: PersonKey[];
  relations?: DemoRelation[];
  /** Prepared in the compartment. */
  items: DemoItem[];
  /** WFL-02: shared with the parquet for review; without a decision it stays under evaluation. */
  review?: { decision?: 'signal' | 'do_not_signal'; reason: string };
  /** WFL-05: the compartment ends the draft as not signalled. */
  closeDraft?: string;
  /** WFL-03: the compartment signals it itself. */
  signal?: boolean;
  /** WFL-06: the organiser's decision on the signal. */
  decision?: { accept: boolean; reason: string };
  admit?: {
    organisation: Exclude<DemoOrganisationKey, 'host'>;
    ground: (typeof ADMISSION_GROUNDS)[number];
    justification: string;
  }[];
  /** FIL-01: a maximum retention (months) the organiser proposes instead of the framework's default. */
  retentionMonths?: number;
  /** FIL-01: who approves the retention besides the organiser, who approved it by accepting or proposing. */
  approvals?: StaffKey[];
  /** Added to the shared file after acceptance, before the consultations. */
  shared?: DemoItem[];
  /** SCO-09: paper parts registered after acceptance. */
  paperParts?: DemoPaperPart[];
  corrections?: { by: StaffKey; item: string; text: string }[];
  /** Added after the consultations. */
  followUp?: DemoItem[];
  /** WFL-11: closed by the organiser; reopened and closed again when `reopen` is given. */
  closure?: { reason: string; reopen?: { reason: string; closeAgain: string } };
}

export const DEMO_CASES: readonly DemoCase[] = [
  ...VEILIG_HUIS_CASES,
  ...RADICALISATION_CASES,
  ...YOUTH_AND_VULNERABLE_CASES,
];
