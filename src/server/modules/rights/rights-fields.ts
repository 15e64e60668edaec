/**
 * Where each encrypted field of a request lives in the envelope (ARCHITECTURE §3.3): the request's
 * own scope, so that the request is shredded with its own retention, never with a case.
 */
export const rightsScope = (requestId: string): string => `rights:${requestId}`;

type Field = readonly [record: string, version: number];

export const RIGHTS_FIELDS = {
  requester: (): Field => ['requester', 1],
  document: (): Field => ['document', 1],
  identityProof: (): Field => ['identity_proof', 1],
  answer: (partId: string): Field => [`answer:${partId}`, 1],
  healthProfessional: (partId: string): Field => [`health_professional:${partId}`, 1],
};

/** The requester as encrypted: identity, address and the request's words. */
export interface RequesterRecord {
  name: string;
  birthDate: string;
  nationalNumber?: string;
  address: string;
  representative?: string;
  text: string;
}
