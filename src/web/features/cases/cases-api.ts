/** The cases API (issue 4 scope 2-4) as the web app uses it. */
import type {
  Admission,
  CaseDetail,
  CaseList,
  CaseStateResult,
  CaseSummary,
  CreateCase,
  Reason,
  RetentionProposal,
  Review,
  ReviewRequest,
  Signal,
  SignalDecision,
} from '../../../contracts/cases.js';
import type { BlockItem, CreateItem, Item, ItemVersionList, UpdateItem } from '../../../contracts/items.js';
import type { CreatePerson, Person } from '../../../contracts/persons.js';
import type { PriorNotice, RecordPriorNotice } from '../../../contracts/prior-notices.js';
import type { RequestTransfer, Transfer } from '../../../contracts/transfers.js';
import { api } from '../../app/api.js';

const casePath = (caseId: string, rest = ''): string => `/api/cases/${encodeURIComponent(caseId)}${rest}`;
const itemPath = (caseId: string, itemId: string, rest = ''): string =>
  casePath(caseId, `/items/${encodeURIComponent(itemId)}${rest}`);
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export async function fetchCases(signal?: AbortSignal): Promise<CaseSummary[]> {
  return (await api<CaseList>('GET', '/api/cases', withSignal(signal))).cases;
}

export const fetchCase = (caseId: string, signal?: AbortSignal): Promise<CaseDetail> =>
  api<CaseDetail>('GET', casePath(caseId), withSignal(signal));

export const createCase = (body: CreateCase): Promise<CaseSummary> =>
  api<CaseSummary>('POST', '/api/cases', { body });

export const addPerson = (caseId: string, body: CreatePerson): Promise<Person> =>
  api<Person>('POST', casePath(caseId, '/persons'), { body });

/** DAT-01: the full number, each reveal audited by the server. */
export async function revealNationalNumber(caseId: string, personId: string): Promise<string> {
  const path = casePath(caseId, `/persons/${encodeURIComponent(personId)}/national-register-number`);
  return (await api<{ nationalRegisterNumber: string }>('POST', path)).nationalRegisterNumber;
}

/** DAT-32: the reader's organisation's prior written notice to the person (L1992 art. 8 §5). */
export const recordPriorNotice = (caseId: string, personId: string, body: RecordPriorNotice): Promise<PriorNotice> =>
  api<PriorNotice>('POST', casePath(caseId, `/persons/${encodeURIComponent(personId)}/prior-notices`), { body });

export const addItem = (caseId: string, body: CreateItem): Promise<Item> =>
  api<Item>('POST', casePath(caseId, '/items'), { body });

export const updateItem = (caseId: string, itemId: string, body: UpdateItem): Promise<Item> =>
  api<Item>('PUT', itemPath(caseId, itemId), { body });

export const eraseItem = (caseId: string, itemId: string, body: Reason): Promise<Item> =>
  api<Item>('POST', itemPath(caseId, itemId, '/erasure'), { body });

/** DAT-22, SEC-11: the controller blocks an item (consent withdrawn, unlawfully obtained), releases it after review, or confirms it accurate. */
export const blockItem = (caseId: string, itemId: string, body: BlockItem): Promise<Item> =>
  api<Item>('POST', itemPath(caseId, itemId, '/blocking'), { body });

export const releaseItem = (caseId: string, itemId: string, body: Reason): Promise<Item> =>
  api<Item>('POST', itemPath(caseId, itemId, '/release'), { body });

export const verifyItem = (caseId: string, itemId: string): Promise<Item> =>
  api<Item>('POST', itemPath(caseId, itemId, '/verification'));

export const fetchItemVersions = (caseId: string, itemId: string): Promise<ItemVersionList> =>
  api<ItemVersionList>('GET', itemPath(caseId, itemId, '/versions'));

export const requestCorrection = (caseId: string, itemId: string, text: string): Promise<{ id: string }> =>
  api<{ id: string }>('POST', itemPath(caseId, itemId, '/correction-requests'), { body: { text } });

/** The workflow's transitions (cases.routes.ts): each answers the case's new state. */
const transition = <T>(caseId: string, action: string, body: T): Promise<CaseStateResult> =>
  api<CaseStateResult>('POST', casePath(caseId, `/${action}`), { body });

export const requestReview = (caseId: string, body: ReviewRequest) =>
  transition(caseId, 'review-request', body);
export const reviewCase = (caseId: string, body: Review) => transition(caseId, 'review', body);
export const signalCase = (caseId: string, body: Signal) => transition(caseId, 'signal', body);
export const closeDraft = (caseId: string, body: Reason) => transition(caseId, 'not-signalled', body);
export const decideSignal = (caseId: string, body: SignalDecision) =>
  transition(caseId, 'signal-decision', body);
export const admitParticipant = (caseId: string, body: Admission) => transition(caseId, 'participants', body);
export const approveRetention = (caseId: string, proposal: number) =>
  transition(caseId, 'retention/approvals', { proposal });
export const closeCase = (caseId: string, body: Reason) => transition(caseId, 'closure', body);
export const reopenCase = (caseId: string, body: Reason) => transition(caseId, 'reopening', body);

export const proposeRetention = (caseId: string, body: RetentionProposal): Promise<CaseStateResult> =>
  api<CaseStateResult>('PUT', casePath(caseId, '/retention'), { body });

/** bill art. 4 al. 1: needs a second factor proven in the last minutes. */
export const requestTransfer = (caseId: string, body: RequestTransfer): Promise<Transfer> =>
  api<Transfer>('POST', casePath(caseId, '/transfers'), { body });
