/** The rights desks' API (L2007 arts 10, 12; bill art. 7 al. 2; SPEC §9) as the web app uses it. */
import type {
  AccessAnswer,
  AnswerRightsPart,
  DisclosureList,
  ExecuteRightsChange,
  IntakeRightsRequest,
  RightsPart,
  RightsPartList,
  RightsReceipt,
} from '../../../contracts/rights.js';
import { api, download } from '../../app/api.js';

const partPath = (partId: string, rest: string): string =>
  `/api/rights-parts/${encodeURIComponent(partId)}${rest}`;

/** The desk's queue: the parts still to answer, or every part. */
export const fetchRightsParts = (open: boolean, signal?: AbortSignal): Promise<RightsPartList> =>
  api<RightsPartList>('GET', `/api/rights-parts?open=${open}`, signal ? { signal } : {});

/** RGT-GEN-01: takes in a dated and signed request; the receipt names this desk's own part only. */
export const intakeRightsRequest = (body: IntakeRightsRequest): Promise<RightsReceipt> =>
  api<RightsReceipt>('POST', '/api/rights-requests', { body });

/** RGT-ACC-02: the intake desk records that the requester proved their identity. */
export const verifyIdentity = (requestId: string): Promise<{ requestId: string; verifiedAt: string }> =>
  api('POST', `/api/rights-requests/${encodeURIComponent(requestId)}/identity-verification`);

export const accessAnswerPath = (partId: string, format: 'json' | 'pdf'): string =>
  partPath(partId, `/access-answer?format=${format}`);

/** RGT-ACC-01: what the answer will tell the person, to read before it is sent. */
export const fetchAccessAnswer = (partId: string): Promise<AccessAnswer> =>
  api<AccessAnswer>('GET', accessAnswerPath(partId, 'json'));

/** RGT-ACC-01: the answer as a PDF in the requester's language. */
export const downloadAccessAnswer = (partId: string) => download(accessAnswerPath(partId, 'pdf'));

/** RGT-REC-01, RGT-REC-02: rectify, erase or block one of the part's items. */
export const executeRightsChange = (partId: string, body: ExecuteRightsChange): Promise<RightsPart> =>
  api<RightsPart>('POST', partPath(partId, '/changes'), { body });

/** RGT-CRT-02, RGT-REC-04: the answer of the part. */
export const answerRightsPart = (partId: string, body: AnswerRightsPart): Promise<RightsPart> =>
  api<RightsPart>('POST', partPath(partId, '/answer'), { body });

/** RGT-CRT-03, RGT-REC-05: every recipient of the part's data. */
export const fetchDisclosures = (partId: string): Promise<DisclosureList> =>
  api<DisclosureList>('GET', partPath(partId, '/disclosures'));
