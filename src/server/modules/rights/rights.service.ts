/**
 * The rights desk of each controller (L2007 arts 10, 12, 13, 15; bill arts 6-7; SPEC §9). Its DPO
 * takes in a dated and signed request with the proof of identity; Concerto finds the person in
 * every case through the blind indexes and gives each controller holding data a part of its own,
 * on its route, with its clock; each desk answers its part, carries out what it grants as
 * versions, and tells every recipient of the data. Each use case is one transaction: the access
 * decision (`access.enterControllerDesk`), the operation, then its audit event.
 */
import type { BlindIndex } from '../../kernel/crypto/blind-index.js';
import type { CaseDeps } from '../cases/open-case.js';
import type { PackSigning } from './evidence-pack.js';
import { createRightsAnswers } from './rights-answers.service.js';
import { createRightsChanges } from './rights-changes.service.js';
import { createRightsIntake } from './rights-intake.service.js';
import type { RightsRepository } from './rights.repository.js';

export interface RightsServiceDeps extends CaseDeps {
  rights: RightsRepository;
  blindIndex: BlindIndex;
  /** RGT-CRT-01: the audit checkpoint key and its name, which sign the evidence packs. */
  packSigning: PackSigning;
}

export function createRightsService(deps: RightsServiceDeps) {
  return {
    ...createRightsIntake(deps),
    ...createRightsAnswers(deps),
    ...createRightsChanges(deps),
  };
}

export type RightsService = ReturnType<typeof createRightsService>;
