/**
 * The facts that choose a record's route (SPEC RGT-GEN-03), read in the use case's transaction:
 * each controller's kind, regime and art. 3 §6 decree, each framework's basis and authorising office.
 */
import type { Tx } from '../../db/database.js';
import type { Regime } from '../../kernel/legal-rules/index.js';
import { childFocusExemption } from '../identity/royal-decree-rules.js';
import type { ControllerFacts, FrameworkFacts } from './rights-routing.js';
import type { RightsRepository } from './rights.repository.js';

export interface RoutingFacts {
  controllers: Map<string, ControllerFacts>;
  frameworks: Map<string, FrameworkFacts>;
  regimeOf: Map<string, Regime>;
}

export async function routingFacts(
  tx: Tx,
  rights: RightsRepository,
  controllerIds: readonly string[],
  frameworkIds: readonly string[],
  today: string,
): Promise<RoutingFacts> {
  const controllers = await rights.organisations(tx, [...new Set(controllerIds)]);
  const frameworks = await rights.frameworks(tx, [...new Set(frameworkIds)]);
  const decrees = await rights.decreesOf(
    tx,
    controllers.map((c) => c.id),
  );
  const exempt = (id: string) =>
    childFocusExemption(
      decrees.filter((d) => d.organisation_id === id),
      today,
    );
  return {
    controllers: new Map(
      controllers.map((c) => [c.id, { kind: c.kind, regime: c.dp_regime, childFocusExemption: exempt(c.id) }]),
    ),
    frameworks: new Map(
      frameworks.map((f) => [f.id, { basisKind: f.basis_kind, authorisingOfficeId: f.authorising_organisation_id }]),
    ),
    regimeOf: new Map(controllers.map((c) => [c.id, c.dp_regime as Regime])),
  };
}
