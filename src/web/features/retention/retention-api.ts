/** The retention desk's API (SPEC RET-01..08, SCO-09, FIL-09; ADR 0016) as the web app uses it. */
import type {
  ApproveDestructionList,
  ConfirmPaperDestruction,
  DecideNecessityReview,
  DestructionList,
  DestructionListSummaries,
  DestructionProofQuery,
  NecessityReview,
  NecessityReviews,
  OwnFileCopyReport,
  PaperDestructionTask,
  PaperDestructionTasks,
  RetentionSchedule,
  RetentionStatus,
} from '../../../contracts/retention.js';
import { api, download } from '../../app/api.js';

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const listPath = (listId: string, rest = ''): string =>
  `/api/retention/destruction-lists/${encodeURIComponent(listId)}${rest}`;

/** The organisation's closed cases with the end of their retention, optionally of one status. */
export const fetchSchedule = (status: RetentionStatus | undefined, signal?: AbortSignal) =>
  api<RetentionSchedule>(
    'GET',
    status ? `/api/retention/schedule?status=${encodeURIComponent(status)}` : '/api/retention/schedule',
    withSignal(signal),
  );

export const fetchDestructionLists = (signal?: AbortSignal) =>
  api<DestructionListSummaries>('GET', '/api/retention/destruction-lists', withSignal(signal));

export const fetchDestructionList = (listId: string, signal?: AbortSignal) =>
  api<DestructionList>('GET', listPath(listId), withSignal(signal));

/** Four eyes: the keeper or a controller's DPO approves; the last approval destroys the cases. */
export const approveDestructionList = (listId: string, body: ApproveDestructionList) =>
  api<DestructionList>('POST', listPath(listId, '/approvals'), { body });

/** The signed proof of destruction as JSON (document and signature) or as a PDF in `language`. */
export const downloadDestructionProof = (listId: string, query: Required<DestructionProofQuery>) =>
  download(listPath(listId, `/proof?format=${query.format}&language=${query.language}`));

export const fetchPaperTasks = (signal?: AbortSignal) =>
  api<PaperDestructionTasks>('GET', '/api/retention/paper-destruction-tasks', withSignal(signal));

export const confirmPaperTask = (taskId: string, body: ConfirmPaperDestruction) =>
  api<PaperDestructionTask>(
    'POST',
    `/api/retention/paper-destruction-tasks/${encodeURIComponent(taskId)}/confirmation`,
    { body },
  );

export const fetchNecessityReviews = (signal?: AbortSignal) =>
  api<NecessityReviews>('GET', '/api/retention/necessity-reviews', withSignal(signal));

export const decideNecessityReview = (reviewId: string, body: DecideNecessityReview) =>
  api<NecessityReview>('POST', `/api/retention/necessity-reviews/${encodeURIComponent(reviewId)}/decision`, {
    body,
  });

export const fetchOwnFileCopies = (signal?: AbortSignal) =>
  api<OwnFileCopyReport>('GET', '/api/retention/own-file-copies', withSignal(signal));
