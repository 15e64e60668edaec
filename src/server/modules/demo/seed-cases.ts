/**
 * Takes each demo case (demo-cases.ts) along the workflow through the case service, acting as
 * the staff member whose step it is: the compartment prepares and signals, the parquet reviews,
 * the organiser decides and admits, each party approves the retention (bill art. 2 §3, art. 3
 * §1). `prepareCase` goes as far as the consultations; `finishCase` does what follows them.
 */
import type { CreateItem } from '../../../contracts/items.js';
import type { DemoCase, DemoItem } from './demo-cases.js';
import { DEMO_FRAMEWORKS, type DemoFrameworkKey } from './demo-frameworks.js';
import { demoIdentity } from './demo-persons.js';
import { addPaperParts } from './seed-paper-parts.js';
import { staffWithRole } from './demo-staff.js';
import { caseOf, organisationId, type SeedContext, staffActor } from './seed-context.js';

/** The member of the framework's organiser who holds the organiser role (SPEC ROL-03). */
export function organiserOf(context: SeedContext, framework: DemoFrameworkKey) {
  return staffActor(context, staffWithRole(DEMO_FRAMEWORKS[framework].organiser, 'organiser'));
}

function itemInput(context: SeedContext, spec: DemoCase, item: DemoItem): CreateItem {
  const persons = caseOf(context, spec.key).persons;
  const person = (key: DemoItem['about'][number]) => persons.get(key)!;
  const details = item.household
    ? { ...item.details, householdPersonIds: item.household.map(person) }
    : item.details;
  return {
    category: item.category,
    personIds: item.about.map(person),
    content: item.content,
    classification: 'non_classified',
    ...(details && { details }),
    ...(item.relevance && { relevance: item.relevance }),
    ...(item.special && { special: item.special }),
    ...(item.judicial && { judicial: item.judicial }),
    provenance:
      typeof item.source === 'string'
        ? { kind: 'already_held', sourceReference: item.source }
        : {
            kind: 'collected_following_consultation',
            consultationId: context.consultations.get(item.source.followingConsultation)!,
          },
    // SCO-06: each author confirms the processing lies within its organisation's legal mission.
    missionConfirmed: true,
    ...(item.annotates && { annotatesItemId: context.items.get(item.annotates)! }),
  };
}

/** Adds the items; returns the ids of those the signalling is to disclose. */
async function addItems(context: SeedContext, spec: DemoCase, items: readonly DemoItem[]): Promise<string[]> {
  const selected: string[] = [];
  for (const item of items) {
    const author = staffActor(context, item.by ?? spec.author);
    const { id } = await context.services.cases.addItem(
      author,
      caseOf(context, spec.key).id,
      itemInput(context, spec, item),
    );
    if (item.key) context.items.set(item.key, id);
    if (!item.keepInCompartment) selected.push(id);
  }
  return selected;
}

async function addPersons(context: SeedContext, spec: DemoCase, caseId: string): Promise<void> {
  const author = staffActor(context, spec.author);
  const persons = new Map<DemoItem['about'][number], string>();
  context.cases.set(spec.key, { id: caseId, persons });
  for (const subject of spec.subjects) {
    const { id } = await context.services.cases.addPerson(author, caseId, {
      role: 'subject',
      identity: demoIdentity(subject),
    });
    persons.set(subject, id);
  }
  for (const relation of spec.relations ?? []) {
    const { id } = await context.services.cases.addPerson(author, caseId, {
      role: 'relation',
      subjectIds: relation.of.map((subject) => persons.get(subject)!),
      necessity: relation.necessity,
      identity: demoIdentity(relation.person),
    });
    persons.set(relation.person, id);
  }
}

export async function prepareCase(context: SeedContext, spec: DemoCase): Promise<void> {
  const { cases } = context.services;
  const author = staffActor(context, spec.author);
  const { id } = await cases.createCase(author, {
    frameworkId: context.frameworks.get(spec.framework)!,
    title: spec.title,
    purposes: spec.purposes,
  });
  await addPersons(context, spec, id);
  // WFL-03: the subject and its relations with every item not kept in the compartment.
  const selection = {
    personIds: [...caseOf(context, spec.key).persons.values()],
    itemIds: await addItems(context, spec, spec.items),
  };
  if (spec.review) {
    await cases.requestReview(author, id, { reviewerOrganisationId: organisationId(context, 'parquet') });
    const { decision, reason } = spec.review;
    if (decision) {
      await cases.reviewCase(staffActor(context, staffWithRole('parquet', 'prosecutor')), id, {
        decision,
        reason,
        ...(decision === 'signal' && { selection, necessityConfirmed: true }),
      });
    }
  }
  if (spec.closeDraft) await cases.closeDraft(author, id, { reason: spec.closeDraft });
  if (spec.signal) await cases.signalCase(author, id, { selection, necessityConfirmed: true });
  if (!spec.decision) return;

  const organiser = organiserOf(context, spec.framework);
  await cases.decideSignal(organiser, id, {
    decision: spec.decision.accept ? 'accept' : 'refuse',
    reason: spec.decision.reason,
  });
  for (const admission of spec.admit ?? []) {
    await cases.admitParticipant(organiser, id, {
      organisationId: organisationId(context, admission.organisation),
      ground: admission.ground,
      justification: admission.justification,
    });
  }
  // The organiser's acceptance made the framework's default the first proposal (SPEC FIL-01); a
  // shorter maximum is its second proposal, which it approves by proposing (bill art. 3 §1 al. 1).
  if (spec.retentionMonths !== undefined) {
    await cases.proposeRetention(organiser, id, { months: spec.retentionMonths });
  }
  const proposal = spec.retentionMonths === undefined ? 1 : 2;
  for (const party of spec.approvals ?? []) {
    await cases.approveRetention(staffActor(context, party), id, { proposal });
  }
  await addItems(context, spec, spec.shared ?? []);
  await addPaperParts(context, spec);
  for (const correction of spec.corrections ?? []) {
    await cases.requestCorrection(
      staffActor(context, correction.by),
      id,
      context.items.get(correction.item)!,
      {
        text: correction.text,
      },
    );
  }
}

export async function finishCase(context: SeedContext, spec: DemoCase): Promise<void> {
  const { cases } = context.services;
  await addItems(context, spec, spec.followUp ?? []);
  if (!spec.closure) return;
  const organiser = organiserOf(context, spec.framework);
  const { id } = caseOf(context, spec.key);
  await cases.closeCase(organiser, id, { reason: spec.closure.reason });
  if (!spec.closure.reopen) return;
  // WFL-11: the reopening is logged and suspends the retention clock until the next closure.
  await cases.reopenCase(organiser, id, { reason: spec.closure.reopen.reason });
  await cases.closeCase(organiser, id, { reason: spec.closure.reopen.closeAgain });
}
