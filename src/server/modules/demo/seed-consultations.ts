/**
 * The demo's consultations and own-file transfers (demo-consultations.ts) through their
 * services: the organiser schedules and opens (only once every case on the agenda has its
 * retention agreed, WFL-07), the attendees record their presence, the organiser keeps minutes,
 * decisions and actions and closes; a participant asks for items, their controller agrees, the
 * requester attests and exports (bill art. 4).
 */
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import type { Actor } from '../identity/platform-access.js';
import { DEMO_CONSULTATIONS, DEMO_TRANSFERS, type DemoAgendaItem } from './demo-consultations.js';
import { DEMO_STAFF } from './demo-staff.js';
import { caseOf, daysFrom, organisationId, type SeedContext, staffActor } from './seed-context.js';
import { organiserOf } from './seed-cases.js';

async function recordAgendaItem(
  context: SeedContext,
  organiser: Actor,
  consultationId: string,
  item: DemoAgendaItem,
) {
  const { consultations } = context.services;
  const caseId = caseOf(context, item.case).id;
  await consultations.setMinutes(organiser, consultationId, caseId, { text: item.minutes });
  for (const text of item.decisions)
    await consultations.recordDecision(organiser, consultationId, caseId, { text });
  for (const action of item.actions) {
    const consultation = await consultations.assignAction(organiser, consultationId, caseId, {
      assigneeOrganisationId: organisationId(context, action.assignee),
      dueOn: brusselsDateOf(daysFrom(context, action.dueInDays)),
      description: action.description,
    });
    if (!action.doneBy) continue;
    const assigned = consultation.agenda
      .find((agendaItem) => agendaItem.caseId === caseId)!
      .actions.find((candidate) => candidate.description === action.description)!;
    await consultations.updateAction(staffActor(context, action.doneBy), caseId, assigned.id, {
      status: 'done',
    });
  }
}

export async function seedConsultations(context: SeedContext): Promise<void> {
  const { consultations } = context.services;
  for (const spec of DEMO_CONSULTATIONS) {
    const organiser = organiserOf(context, spec.framework);
    const { id } = await consultations.scheduleConsultation(organiser, {
      frameworkId: context.frameworks.get(spec.framework)!,
      scheduledFor: daysFrom(context, spec.scheduledInDays).toISOString(),
      caseIds: spec.cases.map((key) => caseOf(context, key).id),
    });
    context.consultations.set(spec.key, id);
    if (spec.state === 'scheduled') continue;
    await consultations.openConsultation(organiser, id);
    for (const attendee of spec.attendees)
      await consultations.recordAttendance(staffActor(context, attendee), id, {});
    for (const item of spec.agenda) await recordAgendaItem(context, organiser, id, item);
    if (spec.state === 'closed') await consultations.closeConsultation(organiser, id);
  }
}

export async function seedTransfers(context: SeedContext): Promise<void> {
  const { transfers } = context.services;
  for (const spec of DEMO_TRANSFERS) {
    const requester = staffActor(context, spec.by);
    const itemIds = spec.items.map((key) => context.items.get(key)!);
    const { id } = await transfers.requestTransfer(requester, caseOf(context, spec.case).id, {
      itemIds,
      purpose: spec.purpose,
      justification: spec.justification,
    });
    if (!spec.decidedBy) continue;
    await transfers.decideTransfer(staffActor(context, spec.decidedBy), id, {
      decisions: itemIds.map((itemId) => ({ itemId, decision: 'approved' as const })),
    });
    if (!spec.exports) continue;
    await transfers.attestTransfer(requester, id, { accessLimitedToParticipants: true });
    for (const format of spec.exports)
      await transfers.exportTransfer(requester, id, format, DEMO_STAFF[spec.by].language);
  }
}
