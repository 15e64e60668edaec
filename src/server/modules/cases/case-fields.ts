/**
 * The encrypted fields of a case and what their ciphertext is bound to (ARCHITECTURE §3.3: the
 * associated data names the case, the record and its version, so a ciphertext moved to another
 * field, record or version does not decrypt). Each is `[record, version]` for `ScopeCipher`.
 */
export type Field = readonly [record: string, version: number];

export const FIELDS = {
  title: ['title', 1],
  reviewReason: ['review_reason', 1],
  signalDecisionReason: ['signal_decision_reason', 1],
  closureReason: ['closure_reason', 1],
  admission: (organisationId: string): Field => [`participant:${organisationId}`, 1],
  revocation: (organisationId: string): Field => [`participant:${organisationId}:revocation`, 1],
  reopening: (at: Date): Field => [`reopening:${at.toISOString()}`, 1],
  identity: (personId: string, version: number): Field => [`person:${personId}`, version],
  identityReason: (personId: string, version: number): Field => [`person:${personId}:reason`, version],
  necessity: (personId: string): Field => [`person:${personId}:necessity`, 1],
  item: (itemId: string, version: number): Field => [`item:${itemId}`, version],
  itemReason: (itemId: string, version: number): Field => [`item:${itemId}:reason`, version],
  attachment: (attachmentId: string): Field => [`attachment:${attachmentId}`, 1],
  attachmentName: (attachmentId: string): Field => [`attachment:${attachmentId}:name`, 1],
  correction: (requestId: string): Field => [`correction:${requestId}`, 1],
  catchAllReview: (reviewId: string): Field => [`catch_all_review:${reviewId}`, 1],
  minutes: (consultationId: string, version: number): Field => [`minutes:${consultationId}`, version],
  decision: (decisionId: string): Field => [`decision:${decisionId}`, 1],
  action: (actionId: string): Field => [`action:${actionId}`, 1],
  transferJustification: (transferId: string): Field => [`transfer:${transferId}`, 1],
} as const satisfies Record<string, Field | ((...args: never[]) => Field)>;
