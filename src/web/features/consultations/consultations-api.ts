/** The consultations API (issue 4 scope 5; SPEC WFL-07..10) as the web app uses it. */
import type {
  Action,
  ActionList,
  Consultation,
  ConsultationList,
  ConsultationSummary,
  CreateAction,
  ScheduleConsultation,
} from '../../../contracts/consultations.js';
import { api } from '../../app/api.js';

const path = (id: string, rest = ''): string => `/api/consultations/${encodeURIComponent(id)}${rest}`;
const agendaPath = (id: string, caseId: string, rest: string): string =>
  path(id, `/agenda/${encodeURIComponent(caseId)}${rest}`);

export async function fetchConsultations(signal?: AbortSignal): Promise<ConsultationSummary[]> {
  return (await api<ConsultationList>('GET', '/api/consultations', signal ? { signal } : {})).consultations;
}

export const fetchConsultation = (id: string, signal?: AbortSignal): Promise<Consultation> =>
  api<Consultation>('GET', path(id), signal ? { signal } : {});

export const scheduleConsultation = (body: ScheduleConsultation): Promise<Consultation> =>
  api<Consultation>('POST', '/api/consultations', { body });

export const openConsultation = (id: string): Promise<Consultation> =>
  api<Consultation>('POST', path(id, '/opening'));
export const closeConsultation = (id: string): Promise<Consultation> =>
  api<Consultation>('POST', path(id, '/closing'));

export const recordAttendance = (
  id: string,
  representingOrganisationId: string | null,
): Promise<Consultation> =>
  api<Consultation>('POST', path(id, '/attendance'), { body: { representingOrganisationId } });

export const setMinutes = (id: string, caseId: string, text: string): Promise<Consultation> =>
  api<Consultation>('PUT', agendaPath(id, caseId, '/minutes'), { body: { text } });

export const recordDecision = (id: string, caseId: string, text: string): Promise<Consultation> =>
  api<Consultation>('POST', agendaPath(id, caseId, '/decisions'), { body: { text } });

export const assignAction = (id: string, caseId: string, body: CreateAction): Promise<Consultation> =>
  api<Consultation>('POST', agendaPath(id, caseId, '/actions'), { body });

export async function fetchActions(signal?: AbortSignal): Promise<Action[]> {
  return (await api<ActionList>('GET', '/api/actions', signal ? { signal } : {})).actions;
}

/** WFL-10: the assignee (or the organiser) records the action's progress. */
export const setActionStatus = (
  action: Pick<Action, 'id' | 'caseId'>,
  status: Action['status'],
): Promise<Action> =>
  api<Action>(
    'PATCH',
    `/api/cases/${encodeURIComponent(action.caseId)}/actions/${encodeURIComponent(action.id)}`,
    { body: { status } },
  );
