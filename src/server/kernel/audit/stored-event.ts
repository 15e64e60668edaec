/**
 * Reads a stored payload back, whichever version wrote it: version 1 (before the channel was
 * recorded) and version 2 (with it, SPEC SEC-05). The payload is never rewritten — its bytes are the
 * Merkle leaf — so a reader of the log meets both for the life of the installation.
 */
import type { AuditChannel, ChannelType } from './channel.js';
import type { AuditRecipient, AuditRecordRef } from './events.js';

/** An event's actor as stored: a user's ids (and representation or interconnection), or a system job's name. */
export interface StoredActor {
  userId?: string;
  organisationId?: string;
  role?: string;
  representing?: string;
  interconnection?: string;
  system?: string;
}

export interface StoredAuditEvent {
  /** The payload's format version (event-payload.ts PAYLOAD_VERSION). */
  v: number;
  at: string;
  actor: StoredActor;
  action: string;
  outcome: string;
  caseId?: string;
  compartmentId?: string;
  records: AuditRecordRef[];
  justification?: string;
  recipients: AuditRecipient[];
  reason?: string;
  /** Null for a version-1 event: the log did not record its channel then. */
  channel: AuditChannel | null;
}

export class UnreadablePayload extends Error {}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Throws UnreadablePayload when the text is not an event object (a row forged or damaged). */
export function readAuditPayload(payload: string): StoredAuditEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    throw new UnreadablePayload('the payload is not JSON');
  }
  if (!isObject(parsed)) throw new UnreadablePayload('the payload is not an object');
  const actor = isObject(parsed.actor) ? parsed.actor : {};
  const channel = isObject(parsed.channel) ? parsed.channel : undefined;
  return {
    v: typeof parsed.v === 'number' ? parsed.v : 0,
    at: text(parsed.at) ?? '',
    actor: {
      userId: text(actor.userId),
      organisationId: text(actor.organisationId),
      role: text(actor.role),
      representing: text(actor.representing),
      interconnection: text(actor.interconnection),
      system: text(actor.system),
    },
    action: text(parsed.action) ?? '',
    outcome: text(parsed.outcome) ?? '',
    caseId: text(parsed.caseId),
    compartmentId: text(parsed.compartmentId),
    records: Array.isArray(parsed.records)
      ? (parsed.records.filter(isObject) as unknown as AuditRecordRef[])
      : [],
    justification: text(parsed.justification),
    recipients: Array.isArray(parsed.recipients)
      ? (parsed.recipients.filter(isObject) as unknown as AuditRecipient[])
      : [],
    reason: text(parsed.reason),
    channel: channel
      ? {
          type: (text(channel.type) ?? 'internal') as ChannelType,
          ...(text(channel.client) && { client: text(channel.client) }),
        }
      : null,
  };
}
