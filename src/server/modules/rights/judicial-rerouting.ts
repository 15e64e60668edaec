/**
 * SPEC RGT-JUD-02 (bill arts 6-7, RGT-GEN-03): when an item enters or leaves a judicial file, every
 * open part of a request that holds it is re-evaluated: the item moves to the part of the same
 * request, controller and route it now belongs to (created if the request had none; its clocks
 * are read from the request), and the move is audited (`route_changed`). The cases module calls
 * this listener in the transaction of the change; it works at the controller's desk and goes back.
 */
import { randomUUID } from 'node:crypto';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { auditActorOf } from '../access/access.service.js';
import type { CaseDeps } from '../cases/open-case.js';
import type { JudicialStatusListener } from '../cases/judicial-status.js';
import { planParts } from './rights-routing.js';
import type { RightsRepository } from './rights.repository.js';
import { routingFacts } from './routing-facts.js';

export function judicialRerouting({
  rights,
  access,
  audit,
  clock,
}: Pick<CaseDeps, 'access' | 'audit' | 'clock'> & { rights: RightsRepository }): JudicialStatusListener {
  return async (tx, context, item) => {
    await access.switchControllerDesk(tx, context, item.controllerId);
    const today = brusselsDateOf(clock.now());
    for (const part of await rights.openPartsHolding(tx, item.id)) {
      const [row] = await rights.itemsByIds(tx, [item.id], today);
      const [frameworkId] = await rights.frameworkIdsOf(tx, [item.caseId]);
      const facts = await routingFacts(tx, rights, [item.controllerId], [frameworkId!], today);
      const record = {
        recordType: 'item' as const,
        recordId: item.id,
        caseId: item.caseId,
        frameworkId: frameworkId!,
        controllerId: item.controllerId,
        judicial: row!.judicial || row!.secret_of_investigation,
        policeMission: row!.police_mission,
      };
      const [target] = planParts(item.controllerId, [record], facts.controllers, facts.frameworks);
      if (target!.route === part.route && target!.prosecutorOfficeId === part.prosecutor_office_id) continue;
      let targetId = (await rights.partFor(tx, part.request_id, item.controllerId, target!.route, target!.prosecutorOfficeId))?.id;
      if (!targetId) {
        targetId = randomUUID();
        const routed = target!.route === 'judicial' || target!.route === 'commission';
        await rights.insertParts(
          tx,
          [
            {
              id: targetId,
              request_id: part.request_id,
              controller_organisation_id: item.controllerId,
              route: target!.route,
              route_reason: target!.reason,
              prosecutor_office_id: target!.prosecutorOfficeId,
              status: routed ? 'routed' : 'received',
              outcome: routed ? (target!.route === 'judicial' ? 'routed_judicial' : 'routed_commission') : null,
            },
          ],
          [],
        );
      }
      await rights.moveRecord(tx, part.id, {
        part_id: targetId,
        request_id: part.request_id,
        record_type: 'item',
        record_id: item.id,
        case_id: item.caseId,
      });
      await audit.record(tx, {
        actor: auditActorOf(context),
        action: 'organise',
        outcome: 'success',
        caseId: item.caseId,
        records: [
          { type: 'item', id: item.id },
          { type: 'rights_part', id: part.id },
          { type: 'rights_part', id: targetId },
        ],
        reason: 'route_changed',
      });
    }
    await access.leaveControllerDesk(tx, context);
  };
}
