/**
 * The answer form's body (SPEC RGT-CRT-02, RGT-ACC-05): the reasons when given, and the health
 * professional chosen by the person only when the desk named one, field by field as typed, for
 * the server to name what is missing.
 */
import type { AnswerRightsPart, RightsOutcome } from '../../../contracts/rights.js';

export interface AnswerDraft {
  outcome: RightsOutcome;
  reasons: string;
  throughHealthProfessional: boolean;
  professionalName: string;
  registrationNumber: string;
  professionalAddress: string;
}

/** The outcomes a desk records; the routed ones are set by the routing itself (SPEC RGT-GEN-03). */
export const DESK_OUTCOMES = [
  'answered',
  'no_data',
  'granted',
  'partly_granted',
  'rejected',
  'deferred',
  'not_applicable',
] as const satisfies readonly RightsOutcome[];

export function emptyAnswer(kind: string): AnswerDraft {
  return {
    outcome: kind === 'access' || kind === 'information' ? 'answered' : 'granted',
    reasons: '',
    throughHealthProfessional: false,
    professionalName: '',
    registrationNumber: '',
    professionalAddress: '',
  };
}

export function answerBody(draft: AnswerDraft): AnswerRightsPart {
  const reasons = draft.reasons.trim();
  return {
    outcome: draft.outcome,
    ...(reasons && { reasons }),
    ...(draft.throughHealthProfessional && {
      healthProfessional: {
        name: draft.professionalName.trim(),
        registrationNumber: draft.registrationNumber.trim(),
        address: draft.professionalAddress.trim(),
      },
    }),
  };
}
