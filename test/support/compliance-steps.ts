/**
 * Steps of the compliance tests (SPEC SCO-08, SEC-03): a security plan review as the evidence the
 * federal-use gate asks for (through the HTTP API, as the operator records it), and an active
 * framework with a maximum retention.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import { brusselsDateOf } from '../../src/server/kernel/legal-rules/index.js';
import type { ApiTestApp } from './api-test-app.js';
import { SECURITY_PLAN_AREAS } from '../../src/contracts/compliance.js';

type Call = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) => Promise<LightMyRequestResponse>;

/** A review of the instance's plan and risk assessment covering every area of SEC-03. */
export const planReview = (reviewedOn: string) => ({
  planVersion: '2',
  reviewedOn,
  occasion: 'annual',
  planReference: 'docs/security-plan.md, version 2, and the hosting annex DMS 2026/041',
  riskAssessmentReference: 'Risk assessment DMS 2026/042',
  areas: [...SECURITY_PLAN_AREAS],
});

export async function recordPlanReview(call: Call, reviewedOn: string): Promise<void> {
  const res = await call('POST', '/api/compliance/security-plan-reviews', planReview(reviewedOn));
  if (res.statusCode !== 201) throw new Error(`recordSecurityPlanReview: ${res.body}`);
}

/**
 * An active framework organised by `organiserId`, with `participantIds` and a default maximum
 * retention of 60 months, written as the owner: its activation through the API is tested in
 * test/frameworks/frameworks.test.ts, and here only its being active with a retention matters.
 */
export async function activeFramework(
  db: Kysely<DB>,
  {
    organiserId,
    participantIds,
    by,
    at,
  }: { organiserId: string; participantIds: readonly string[]; by: string; at: Date },
): Promise<string> {
  const { id } = await db
    .insertInto('frameworks')
    .values({
      name: `Ketenaanpak ${Date.now().toString(36)}`,
      basis_kind: 'decree',
      basis_title: 'Decreet tot oprichting en regeling van de Veilige Huizen',
      basis_date: '2023-06-30',
      basis_article: 'art. 5',
      processing_basis_kind: 'federated_decree',
      processing_basis_citation: 'Decreet van 30 juni 2023, art. 5',
      purposes: ['P1'],
      organiser_organisation_id: organiserId,
      modalities: 'Maandelijks casusoverleg.',
      default_retention_months: 60,
      state: 'active',
      created_by: by,
      created_at: at,
      updated_at: at,
      activated_by: by,
      activated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('framework_participants')
    .values(
      participantIds.map((organisation_id) => ({
        framework_id: id,
        organisation_id,
        added_by: by,
        added_at: at,
      })),
    )
    .execute();
  return id;
}

/**
 * SPEC SCO-08: makes an API test app's instance open for federal participants, as a live instance
 * is before the police join: an active framework (the agency organises it) with a maximum
 * retention, and a current review of the security plan recorded by an operator.
 */
export async function openForFederalUse(t: ApiTestApp): Promise<void> {
  const operator = await t.signedIn(t.hostId, ['operator']);
  await activeFramework(t.db.adminDb, {
    organiserId: t.agencyId,
    participantIds: [t.agencyId],
    by: operator.account.userId,
    at: t.clock.now(),
  });
  await recordPlanReview(
    (method, url, payload) => t.call(operator, method, url, payload),
    brusselsDateOf(t.clock.now()),
  );
}
