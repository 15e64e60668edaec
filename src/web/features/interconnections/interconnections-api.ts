/**
 * The register of interconnections (L1992 art. 21; SPEC INT-01, INT-02, PEN-12) and the links of a
 * case to a file of a connected system, as the web app uses them.
 */
import type {
  ExchangeList,
  Interconnection,
  InterconnectionLink,
  InterconnectionLinkList,
  InterconnectionList,
  LinkCase,
  RegisterInterconnection,
  RegistrationOptions,
} from '../../../contracts/interconnections.js';
import { api, download } from '../../app/api.js';

const BASE = '/api/interconnections';
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const id = (value: string): string => encodeURIComponent(value);

export const fetchInterconnections = (signal?: AbortSignal): Promise<InterconnectionList> =>
  api<InterconnectionList>('GET', BASE, withSignal(signal));

export const fetchRegistrationOptions = (signal?: AbortSignal): Promise<RegistrationOptions> =>
  api<RegistrationOptions>('GET', `${BASE}/registration-options`, withSignal(signal));

export const registerInterconnection = (body: RegisterInterconnection): Promise<Interconnection> =>
  api<Interconnection>('POST', BASE, { body });

export const approveInterconnection = (interconnectionId: string): Promise<Interconnection> =>
  api<Interconnection>('POST', `${BASE}/${id(interconnectionId)}/approval`);

export const suspendInterconnection = (interconnectionId: string, reason: string): Promise<Interconnection> =>
  api<Interconnection>('POST', `${BASE}/${id(interconnectionId)}/suspension`, { body: { reason } });

export const resumeInterconnection = (interconnectionId: string): Promise<Interconnection> =>
  api<Interconnection>('POST', `${BASE}/${id(interconnectionId)}/resumption`);

export const retireInterconnection = (interconnectionId: string, reason: string): Promise<Interconnection> =>
  api<Interconnection>('POST', `${BASE}/${id(interconnectionId)}/retirement`, { body: { reason } });

export const fetchExchanges = (interconnectionId: string, signal?: AbortSignal): Promise<ExchangeList> =>
  api<ExchangeList>('GET', `${BASE}/${id(interconnectionId)}/exchanges`, withSignal(signal));

/** SPEC PEN-12: the register for the supervisory authority, as JSON or as a PDF in the user's language. */
export const downloadRegister = (format: 'json' | 'pdf', language: string) =>
  download(`${BASE}/register?${new URLSearchParams({ format, language })}`);

export const fetchCaseLinks = (caseId: string, signal?: AbortSignal): Promise<InterconnectionLinkList> =>
  api<InterconnectionLinkList>('GET', `/api/cases/${id(caseId)}/interconnection-links`, withSignal(signal));

export const linkCase = (caseId: string, body: LinkCase): Promise<InterconnectionLink> =>
  api<InterconnectionLink>('POST', `/api/cases/${id(caseId)}/interconnection-links`, { body });

export const endCaseLink = (caseId: string, linkId: string): Promise<InterconnectionLink> =>
  api<InterconnectionLink>('POST', `/api/cases/${id(caseId)}/interconnection-links/${id(linkId)}/end`);
