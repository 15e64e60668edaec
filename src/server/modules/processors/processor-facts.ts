/**
 * What other modules read of the processor registry, inside their own transaction:
 * - frameworks: which controllers have no approved record of the host, so that none goes live
 *   without one (L2007 art. 16 §1; SPEC PRC-01);
 * - information notices and declarations: the host's identity, the "gestionnaire" of the 1992
 *   text (L1992 art. 1 §7, art. 4 §1 1°, art. 17 §3 3°; SPEC PRC-09, RGT-INF-05, DCL-06);
 * - the compliance dashboard: each processor's status, amber when a review is overdue (PRC-02);
 * - the declaration's §6 and the transfer register: where each processor and sub-processor
 *   processes the data (SPEC DCL-20, TRF-01).
 * None of it is case data; the caller has decided who may see it.
 */
import type { ProcessorRole, ProcessorStatus } from '../../../contracts/processors.js';
import type { Tx } from '../../db/database.js';
import type { CivilDate } from '../../kernel/legal-rules/civil-date.js';
import { identityOf, type Registry, statusFactsOf, usersNamedBy } from './processor-presenter.js';
import { processorStatus, worstLevel } from './processor-rules.js';
import { createProcessorsRepository, type ProcessorsRepository } from './processors.repository.js';

const repository: ProcessorsRepository = createProcessorsRepository();

/** The records of `controllerIds` (every controller when undefined) with their documents, reviews and names. */
export async function loadRegistry(
  tx: Tx,
  processors: ProcessorsRepository,
  controllerIds?: readonly string[],
): Promise<Registry> {
  const records = await processors.recordsOf(tx, controllerIds);
  const ids = records.map((r) => r.id);
  const [documents, reviews] = await Promise.all([
    processors.documentsOf(tx, ids),
    processors.reviewsOf(tx, ids),
  ]);
  const organisationIds = records.flatMap((r) => [
    r.controller_organisation_id,
    r.host_organisation_id ?? r.controller_organisation_id,
  ]);
  const [organisations, userNames] = await Promise.all([
    processors.organisations(tx, organisationIds),
    processors.userNames(tx, usersNamedBy({ records, documents, reviews })),
  ]);
  return {
    records,
    documents,
    reviews,
    organisations: new Map(organisations.map((o) => [o.id, o])),
    userNames,
  };
}

/**
 * SPEC PRC-01: the controllers among `controllerIds` that have no approved record of the
 * instance's host (the active platform operator organisation); all of them when there is no host.
 */
export async function controllersWithoutApprovedHost(
  tx: Tx,
  controllerIds: readonly string[],
): Promise<string[]> {
  if (controllerIds.length === 0) return [];
  const host = await repository.platformOperator(tx);
  const records = await repository.recordsOf(tx, controllerIds);
  const covered = new Set(
    records
      .filter((r) => host !== undefined && r.host_organisation_id === host.id && r.approved_at !== null)
      .map((r) => r.controller_organisation_id),
  );
  return [...new Set(controllerIds)].filter((id) => !covered.has(id));
}

/**
 * SPEC PRC-06: the controller's approved record of the instance's host, under which the host's
 * staff act on the controller's instructions (break-glass); undefined without one.
 */
export async function approvedHostRecord(
  tx: Tx,
  controllerId: string,
): Promise<{ id: string; hostOrganisationId: string } | undefined> {
  const host = await repository.platformOperator(tx);
  if (!host) return undefined;
  const record = (await repository.recordsOf(tx, [controllerId])).find(
    (r) => r.host_organisation_id === host.id && r.approved_at !== null,
  );
  return record && { id: record.id, hostOrganisationId: host.id };
}

export interface HostIdentity {
  legalName: string;
  address: string;
  enterpriseNumber: string | null;
  /** Where the host processes the controller's data, when its record says so. */
  country: string | null;
  /** Whether the controller approved the host's record. */
  approved: boolean;
}

/**
 * SPEC PRC-09: the processor (host) a notice or declaration of `controllerId` names: the host of
 * the controller's record, otherwise the instance's platform operator; undefined when there is none.
 */
export async function hostIdentity(tx: Tx, controllerId: string): Promise<HostIdentity | undefined> {
  const host = await repository.platformOperator(tx);
  if (!host) return undefined;
  const record = (await repository.recordsOf(tx, [controllerId])).find(
    (r) => r.host_organisation_id === host.id,
  );
  return {
    legalName: host.legal_name,
    address: host.address,
    enterpriseNumber: host.enterprise_number,
    country: record?.country ?? null,
    approved: record?.approved_at != null,
  };
}

export interface ProcessorSummary {
  id: string;
  role: ProcessorRole;
  name: string;
  country: string;
  subProcessorOf: string | null;
  status: ProcessorStatus;
}

/**
 * SPEC PRC-02, for the compliance dashboard: the controller's processors with their status, and
 * the worst of them (amber when a review is overdue, red when one is not approved).
 */
export async function processorRegistryStatus(
  tx: Tx,
  controllerId: string,
  today: CivilDate,
): Promise<{ level: ProcessorStatus['level']; processors: ProcessorSummary[] }> {
  const registry = await loadRegistry(tx, repository, [controllerId]);
  const processors = registry.records.map((row) => ({
    id: row.id,
    role: row.role,
    name: identityOf(row, registry.organisations).name,
    country: row.country,
    subProcessorOf: row.sub_processor_of,
    status: processorStatus(statusFactsOf(row, registry.documents, registry.reviews), today),
  }));
  return { level: worstLevel(processors.map((p) => p.status.level)), processors };
}

/**
 * SPEC DCL-20, TRF-01: where each processor and sub-processor of `controllerId` processes the
 * data (the host's location included), for the declaration's §6 and the transfer register.
 */
export async function processorLocations(
  tx: Tx,
  controllerId: string,
): Promise<
  { recordId: string; role: ProcessorRole; name: string; country: string; subProcessorOf: string | null }[]
> {
  const registry = await loadRegistry(tx, repository, [controllerId]);
  return registry.records.map((row) => ({
    recordId: row.id,
    role: row.role,
    name: identityOf(row, registry.organisations).name,
    country: row.country,
    subProcessorOf: row.sub_processor_of,
  }));
}
