/**
 * Which desk answers which part of a request (SPEC RGT-GEN-02, RGT-GEN-03). Each controller answers
 * for the records it introduced (bill art. 3 §1 al. 2), and each record goes down the first route
 * that applies to it, in this order:
 *  1. judicial: the item appears in a judicial decision or file, or is processed in a criminal
 *     investigation (bill art. 6: Law of 30 July 2018 arts 16 and 44), or is covered by the secrecy
 *     of the investigation (SPEC DAT-21);
 *  2. commission: the controller is an intelligence or security service (L2007 art. 3 §4, SPEC
 *     SCO-15) or a police service or authority processing under Title 3 of the Law of 30 July 2018
 *     (L2007 art. 3 §5, SPEC RGT-IND-01): the person's rights are exercised indirectly, through the
 *     supervisory authority (L2007 art. 13), and nothing is written to the person; so too for the
 *     European Centre for missing and sexually exploited children under its royal decree (L2007
 *     art. 3 §6, SPEC SCO-17);
 *  3. prosecutor: the case was organised by motivated authorisation of the procureur du Roi, who
 *     answers every request within three months (bill art. 7 al. 2, SPEC RGT-RST-09, A-13);
 *  4. standard: the controller answers (L2007 arts 10 and 12).
 * Pure: the facts are read beforehand.
 */
import type { RightsRoute } from '../../../contracts/rights.js';

export interface MatchedRecord {
  recordType: 'person' | 'item' | 'paper_part';
  recordId: string;
  caseId: string;
  frameworkId: string;
  controllerId: string;
  /** bill art. 6 or the secrecy of the investigation (items only; a paper part says so in its own index). */
  judicial: boolean;
  /** L2007 art. 3 §5 (RGT-IND-01): the police mission an item was processed for; 'none' for other records. */
  policeMission: 'none' | 'administrative_police' | 'judicial_police';
}

export interface ControllerFacts {
  kind: string;
  regime: string;
  /** L2007 art. 3 §6: a royal decree in force exempts it from arts 10 §1 and 12 (SPEC SCO-17). */
  childFocusExemption: boolean;
}

export interface FrameworkFacts {
  basisKind: string | null;
  /** The office of the procureur du Roi who authorised the consultation. */
  authorisingOfficeId: string | null;
}

export interface PlannedPart {
  controllerId: string;
  route: RightsRoute;
  reason: string;
  prosecutorOfficeId: string | null;
  records: MatchedRecord[];
}

export const ROUTE_REASONS = {
  judicial: 'bill art. 6; Law of 30 July 2018 arts 16 and 44 (SPEC RGT-JUD-01)',
  intelligence: 'L2007 art. 3 §4, art. 13 (SPEC SCO-15, RGT-IND-02)',
  police: 'L2007 art. 3 §5, art. 13 (SPEC RGT-IND-01, RGT-IND-02)',
  childFocus: 'L2007 art. 3 §6, art. 13 (SPEC SCO-17, RGT-IND-02)',
  prosecutor: 'bill art. 7 al. 2 (SPEC RGT-RST-09, A-13)',
  standard: 'L2007 arts 10 and 12 (SPEC RGT-GEN-03)',
  noData: 'L2007 art. 10 §1 a): no data held on the person (SPEC RGT-GEN-02)',
} as const;

function routeOf(
  record: MatchedRecord,
  controller: ControllerFacts | undefined,
  framework: FrameworkFacts | undefined,
): Pick<PlannedPart, 'route' | 'reason' | 'prosecutorOfficeId'> {
  if (record.judicial) return { route: 'judicial', reason: ROUTE_REASONS.judicial, prosecutorOfficeId: null };
  if (controller?.regime === 'intelligence') {
    return { route: 'commission', reason: ROUTE_REASONS.intelligence, prosecutorOfficeId: null };
  }
  if (controller?.childFocusExemption) {
    return { route: 'commission', reason: ROUTE_REASONS.childFocus, prosecutorOfficeId: null };
  }
  // RGT-IND-01: a police item follows its mission; the police's other records (persons, paper) and
  // the data of a Title 3 authority are police processing as a whole.
  const policeProcessing =
    record.recordType === 'item' ? record.policeMission !== 'none' : controller?.kind === 'police_service';
  if (policeProcessing || controller?.regime === 'law2018_title3') {
    return { route: 'commission', reason: ROUTE_REASONS.police, prosecutorOfficeId: null };
  }
  if (framework?.basisKind === 'prosecutor_authorisation' && framework.authorisingOfficeId) {
    return { route: 'prosecutor', reason: ROUTE_REASONS.prosecutor, prosecutorOfficeId: framework.authorisingOfficeId };
  }
  return { route: 'standard', reason: ROUTE_REASONS.standard, prosecutorOfficeId: null };
}

/** SPEC SCO-15: art. 15 (the contested marking) is among those L2007 art. 3 §4 disapplies for intelligence services. */
export const marksContested = (controller: Pick<ControllerFacts, 'regime'> | undefined): boolean =>
  controller?.regime !== 'intelligence';

/**
 * The parts of a request: one per controller, route and office, each with its records; and the
 * intake desk's own part even when it holds nothing, so that it answers "no data" (RGT-GEN-02).
 */
export function planParts(
  intakeId: string,
  records: readonly MatchedRecord[],
  controllers: ReadonlyMap<string, ControllerFacts>,
  frameworks: ReadonlyMap<string, FrameworkFacts>,
): PlannedPart[] {
  const parts = new Map<string, PlannedPart>();
  for (const record of records) {
    const route = routeOf(record, controllers.get(record.controllerId), frameworks.get(record.frameworkId));
    const key = `${record.controllerId}|${route.route}|${route.prosecutorOfficeId ?? ''}`;
    const part = parts.get(key) ?? { controllerId: record.controllerId, ...route, records: [] };
    part.records.push(record);
    parts.set(key, part);
  }
  const planned = [...parts.values()];
  if (!planned.some((part) => part.controllerId === intakeId)) {
    planned.unshift({ controllerId: intakeId, route: 'standard', reason: ROUTE_REASONS.noData, prosecutorOfficeId: null, records: [] });
  }
  return planned;
}
