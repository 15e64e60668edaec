/** The transfer register API (L2007 arts 21-22; SPEC TRF-01..12, PEN-03, PEN-13) as the web app uses it. */
import type {
  AddDenyRule,
  AdequacyAssessment,
  BlockedTransferList,
  CountryLists,
  DenyRule,
  DenyRuleList,
  Destination,
  RecordAdequacyAssessment,
  RegisterDestination,
  TransferRegister,
} from '../../../contracts/cross-border.js';
import { api, download } from '../../app/api.js';

const BASE = '/api/cross-border';
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const id = (value: string): string => encodeURIComponent(value);

export const fetchCountries = (signal?: AbortSignal): Promise<CountryLists> =>
  api<CountryLists>('GET', `${BASE}/countries`, withSignal(signal));

export const fetchRegister = (signal?: AbortSignal): Promise<TransferRegister> =>
  api<TransferRegister>('GET', `${BASE}/register`, withSignal(signal));

export const fetchBlockedTransfers = (signal?: AbortSignal): Promise<BlockedTransferList> =>
  api<BlockedTransferList>('GET', `${BASE}/blocked-transfers`, withSignal(signal));

/** SPEC PEN-13: the register and the blocked-transfer log as one JSON document. */
export const downloadRegister = () => download(`${BASE}/register/export`);

export const registerDestination = (body: RegisterDestination): Promise<Destination> =>
  api<Destination>('POST', `${BASE}/destinations`, { body });

export const endDestination = (destinationId: string, reason: string): Promise<Destination> =>
  api<Destination>('POST', `${BASE}/destinations/${id(destinationId)}/end`, { body: { reason } });

/** SPEC TRF-10: the contractual clauses of a destination authorised by royal decree. */
export const downloadClauses = (destinationId: string) =>
  download(`${BASE}/destinations/${id(destinationId)}/clauses`);

export const recordAssessment = (body: RecordAdequacyAssessment): Promise<AdequacyAssessment> =>
  api<AdequacyAssessment>('POST', `${BASE}/adequacy-assessments`, { body });

export const withdrawAssessment = (assessmentId: string, reason: string): Promise<AdequacyAssessment> =>
  api<AdequacyAssessment>('POST', `${BASE}/adequacy-assessments/${id(assessmentId)}/withdrawal`, {
    body: { reason },
  });

export const fetchDenyRules = (signal?: AbortSignal): Promise<DenyRuleList> =>
  api<DenyRuleList>('GET', `${BASE}/deny-rules`, withSignal(signal));

export const addDenyRule = (body: AddDenyRule): Promise<DenyRule> =>
  api<DenyRule>('POST', `${BASE}/deny-rules`, { body });

export const repealDenyRule = (ruleId: string, reason: string): Promise<DenyRule> =>
  api<DenyRule>('POST', `${BASE}/deny-rules/${id(ruleId)}/repeal`, { body: { reason } });
