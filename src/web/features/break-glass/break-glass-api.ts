/** Break-glass access of the host's staff (L2007 art. 16 §3; SPEC SEC-12, PRC-06), as the web app uses it. */
import type {
  ApproveBreakGlass,
  BreakGlassContent,
  BreakGlassGrant,
  BreakGlassGrantList,
  RequestBreakGlass,
} from '../../../contracts/break-glass.js';
import type { Organisation } from '../../../contracts/identity.js';
import { api } from '../../app/api.js';

const BASE = '/api/break-glass';
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const id = (value: string): string => encodeURIComponent(value);

export const fetchGrants = (signal?: AbortSignal): Promise<BreakGlassGrantList> =>
  api<BreakGlassGrantList>('GET', BASE, withSignal(signal));

export const requestGrant = (body: RequestBreakGlass): Promise<BreakGlassGrant> =>
  api<BreakGlassGrant>('POST', BASE, { body });

export const approveGrant = (grantId: string, body: ApproveBreakGlass): Promise<BreakGlassGrant> =>
  api<BreakGlassGrant>('POST', `${BASE}/${id(grantId)}/approval`, { body });

export const refuseGrant = (grantId: string, reason: string): Promise<BreakGlassGrant> =>
  api<BreakGlassGrant>('POST', `${BASE}/${id(grantId)}/refusal`, { body: { reason } });

export const closeGrant = (grantId: string): Promise<BreakGlassGrant> =>
  api<BreakGlassGrant>('POST', `${BASE}/${id(grantId)}/closure`);

/** An audited read: every call is reported to the controller's DPOs (SPEC SEC-12). */
export const readContent = (grantId: string): Promise<BreakGlassContent> =>
  api<BreakGlassContent>('GET', `${BASE}/${id(grantId)}/content`);

/** The controllers the host's staff may ask about (the operator's list of organisations). */
export async function fetchControllers(signal?: AbortSignal): Promise<Organisation[]> {
  const { organisations } = await api<{ organisations: Organisation[] }>(
    'GET',
    '/api/admin/organisations',
    withSignal(signal),
  );
  return organisations.filter(
    (organisation) => organisation.active && organisation.kind !== 'platform_operator',
  );
}
