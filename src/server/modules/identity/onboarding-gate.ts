/**
 * SPEC SCO-08: a federal participant (police, federal service, prosecutor's office) is onboarded
 * only while the instance's federal-use compliance gate is green. The operator console asks this
 * gate, in the transaction of the onboarding, before it creates such an organisation, turns an
 * organisation into one, or creates a user in one; a refusal is audited as denied. The compliance
 * module implements it (compliance/federal-use-gate.ts) and app.ts wires it; identity knows only
 * this interface.
 */
import type { Tx } from '../../db/database.js';
import type { DomainError } from '../../kernel/errors.js';

export interface OnboardingGate {
  /** The 409 problem naming each unmet condition when `kind` is federal and the gate is red; else undefined. */
  refusalFor(tx: Tx, kind: string): Promise<DomainError | undefined>;
}
