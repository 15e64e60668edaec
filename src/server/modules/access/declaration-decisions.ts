/**
 * Who keeps the declarations of processing and their register (L2007/L1992 arts 17-19, art. 16
 * §1 1° of the 1992 text; issue 6 scope 4), as pure rules over facts loaded in the transaction;
 * `decide` applies them.
 * - A controller's declarations, its processing statement, its information pack for the
 *   Commission and its manual-file sheet are its DPO's (ARCHITECTURE §1: the DPO keeps the
 *   register of processing; L2007 art. 17bis). Another controller's declaration is not theirs to
 *   know of (404). None of it is case content, so no secrecy undertaking is asked.
 * - The register numbers of a framework's parties are shown on the framework page to those who
 *   see the framework (the operator, its parties: `framework.view`).
 * - The public register (art. 18) needs no session: its routes call no access rule.
 */
import type { ActorFacts } from './actor-facts.js';

export type DeclarationRequest =
  | { action: 'declaration.manage' }
  | {
      action: 'declaration.keep';
      /** The declaration acted on; undefined when the id names none. */
      declaration: { organisationId: string } | undefined;
    };

export type DeclarationDenyReason = 'not_declaration_keeper' | 'no_such_declaration';

export const DECLARATION_DENY_RULES: Record<DeclarationDenyReason, string> = {
  not_declaration_keeper:
    "L2007 arts 17 and 17bis: the controller's DPO keeps its declarations (SPEC DCL-01, ROL-12)",
  no_such_declaration: 'L2007 art. 17 §5 (SPEC DCL-17); ARCHITECTURE §3.7',
};

export type DeclarationDecision =
  | { allowed: true; relation: 'acting_organisations'; via: string }
  | { allowed: false; reason: DeclarationDenyReason; answer: 'forbidden' | 'not_found' };

export function decideDeclarationRequest(
  actor: ActorFacts,
  request: DeclarationRequest,
): DeclarationDecision {
  if (!actor.roles.includes('dpo'))
    return { allowed: false, reason: 'not_declaration_keeper', answer: 'forbidden' };
  if (request.action === 'declaration.keep' && request.declaration?.organisationId !== actor.organisationId) {
    return { allowed: false, reason: 'no_such_declaration', answer: 'not_found' };
  }
  return { allowed: true, relation: 'acting_organisations', via: actor.organisationId };
}
