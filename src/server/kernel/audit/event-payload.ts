/**
 * Validates an audit event and turns it into its payload: the canonical JSON that is
 * stored and hashed. Validation is strict because the log is append-only: free text that
 * slipped in (a name, a note) could never be removed again (ARCHITECTURE §3, laws 3–4).
 */
import { DomainError, type FieldIssue } from '../errors.js';
import { canonicalJson, type JsonValue } from './canonical-json.js';
import { type AuditChannel, CHANNEL_TYPES, INTERNAL_CHANNEL } from './channel.js';
import { type AuditEvent, isUserActor, PROCESSING_OPERATIONS } from './events.js';

/**
 * Version of the payload format, so that later formats can coexist in one log. Version 2 adds the
 * event's `channel` (SPEC SEC-05, ADR 0019); version-1 events, written before, have none and stay
 * as they were hashed (stored-event.ts reads both).
 */
export const PAYLOAD_VERSION = 2;

export const LIMITS = {
  justificationChars: 500,
  records: 1_000,
  recipients: 100,
} as const;

// Ids: uuids, numbers or prefixed keys — never anything that could spell a name.
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const CODE = /^[a-z][a-z0-9_.-]{0,47}$/;
const FAMILY_ACTION = /^(auth|admin|system)\.[a-z][a-z0-9_]{0,47}$/;
const OUTCOMES = new Set(['success', 'denied', 'failure']);
// A retention run erases or destroys without a user at the keyboard (bill art. 2 §3 4°).
const SYSTEM_PROCESSING = new Set(['erase', 'destroy']);

const EVENT_KEYS = new Set([
  'actor',
  'action',
  'outcome',
  'caseId',
  'compartmentId',
  'records',
  'justification',
  'recipients',
  'reason',
]);
const USER_ACTOR_KEYS = new Set(['userId', 'organisationId', 'role', 'representing', 'interconnection']);
const SYSTEM_ACTOR_KEYS = new Set(['system']);
const RECORD_KEYS = new Set(['type', 'id', 'category']);
const RECIPIENT_KEYS = new Set(['organisationId', 'userId']);
const CHANNEL_KEYS = new Set(['type', 'client']);
const CHANNEL_TYPE_SET = new Set<string>(CHANNEL_TYPES);

/** An id as the log accepts it: never anything that could spell a name (a uuid, a code). */
export function isAuditId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

type Issues = FieldIssue[];

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(issues: Issues, path: string, value: Record<string, unknown>, allowed: Set<string>): void {
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) issues.push({ field: `${path}/${key}`, message: 'is not an audit field' });
  }
}

function matches(
  issues: Issues,
  path: string,
  value: unknown,
  pattern: RegExp,
  what: string,
  required: boolean,
): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || !pattern.test(value))
    issues.push({ field: path, message: `must be ${what}` });
}

function isProcessingOperation(action: string): boolean {
  return Object.hasOwn(PROCESSING_OPERATIONS, action);
}

function checkActor(issues: Issues, event: AuditEvent): void {
  const actor: unknown = event.actor;
  if (!isObject(actor)) {
    issues.push({ field: '/actor', message: 'is required' });
    return;
  }
  if ('system' in actor) {
    onlyKeys(issues, '/actor', actor, SYSTEM_ACTOR_KEYS);
    matches(issues, '/actor/system', actor.system, CODE, 'a short code', true);
    const action = String(event.action);
    if (!action.startsWith('system.') && !SYSTEM_PROCESSING.has(action)) {
      issues.push({
        field: '/actor',
        message: `a system actor cannot ${action}: a user must be accountable (SPEC PEN-19)`,
      });
    }
    return;
  }
  onlyKeys(issues, '/actor', actor, USER_ACTOR_KEYS);
  matches(issues, '/actor/userId', actor.userId, ID, 'an id', true);
  matches(issues, '/actor/organisationId', actor.organisationId, ID, 'an id', true);
  matches(issues, '/actor/role', actor.role, CODE, 'a short code', true);
  matches(issues, '/actor/representing', actor.representing, ID, 'an id', false);
  matches(issues, '/actor/interconnection', actor.interconnection, ID, 'an id', false);
}

function checkRecords(issues: Issues, records: unknown): void {
  if (records === undefined) return;
  if (!Array.isArray(records) || records.length > LIMITS.records) {
    issues.push({ field: '/records', message: `must be a list of at most ${LIMITS.records} records` });
    return;
  }
  records.forEach((record: unknown, i) => {
    const path = `/records/${i}`;
    if (!isObject(record)) {
      issues.push({ field: path, message: 'must be a record reference' });
      return;
    }
    onlyKeys(issues, path, record, RECORD_KEYS);
    matches(issues, `${path}/type`, record.type, CODE, 'a short code', true);
    matches(issues, `${path}/id`, record.id, ID, 'an id', true);
    const category = record.category;
    if (
      category !== undefined &&
      !(Number.isInteger(category) && (category as number) >= 1 && (category as number) <= 16)
    ) {
      issues.push({ field: `${path}/category`, message: 'must be a data category 1–16 (bill art. 2 §2)' });
    }
  });
}

function checkRecipients(issues: Issues, event: AuditEvent): void {
  const recipients: unknown = event.recipients;
  // A refused disclosure disclosed nothing: only what happened names its recipients.
  const required = event.action === 'disclose' && event.outcome === 'success';
  if (recipients === undefined) {
    if (required) issues.push({ field: '/recipients', message: 'is required to disclose' });
    return;
  }
  if (!Array.isArray(recipients) || recipients.length > LIMITS.recipients) {
    issues.push({
      field: '/recipients',
      message: `must be a list of at most ${LIMITS.recipients} recipients`,
    });
    return;
  }
  if (required && recipients.length === 0) {
    issues.push({ field: '/recipients', message: 'is required to disclose' });
  }
  recipients.forEach((recipient: unknown, i) => {
    const path = `/recipients/${i}`;
    if (!isObject(recipient)) {
      issues.push({ field: path, message: 'must be a recipient' });
      return;
    }
    onlyKeys(issues, path, recipient, RECIPIENT_KEYS);
    matches(issues, `${path}/organisationId`, recipient.organisationId, ID, 'an id', true);
    matches(issues, `${path}/userId`, recipient.userId, ID, 'an id', false);
  });
}

function checkJustification(issues: Issues, event: AuditEvent): void {
  const justification: unknown = event.justification;
  // A refused consultation consulted nothing: only what happened must be justified.
  const required = (event.action === 'consult' || event.action === 'disclose') && event.outcome === 'success';
  if (justification === undefined) {
    if (required) issues.push({ field: '/justification', message: `is required to ${event.action}` });
    return;
  }
  if (typeof justification !== 'string' || justification.trim() === '') {
    issues.push({ field: '/justification', message: 'must be a non-empty text' });
  } else if (Array.from(justification.trim()).length > LIMITS.justificationChars) {
    issues.push({
      field: '/justification',
      message: `must be at most ${LIMITS.justificationChars} characters`,
    });
  } else if (hasControlCharacter(justification)) {
    issues.push({ field: '/justification', message: 'must be a single line of text' });
  }
}

function checkChannel(issues: Issues, channel: unknown): void {
  if (!isObject(channel)) {
    issues.push({ field: '/channel', message: 'is required' });
    return;
  }
  onlyKeys(issues, '/channel', channel, CHANNEL_KEYS);
  if (typeof channel.type !== 'string' || !CHANNEL_TYPE_SET.has(channel.type)) {
    issues.push({ field: '/channel/type', message: `must be one of ${CHANNEL_TYPES.join(', ')}` });
  }
  matches(issues, '/channel/client', channel.client, ID, 'an id', false);
}

/** Throws DomainError('validation_failed') naming every offending field. */
export function validateAuditEvent(event: AuditEvent, channel: AuditChannel = INTERNAL_CHANNEL): void {
  const issues: Issues = [];
  if (!isObject(event))
    throw new DomainError('validation_failed', { detail: 'An audit event must be an object' });
  onlyKeys(issues, '', event, EVENT_KEYS);
  const action: unknown = event.action;
  if (typeof action !== 'string' || !(isProcessingOperation(action) || FAMILY_ACTION.test(action))) {
    issues.push({
      field: '/action',
      message: 'must be a processing operation of art. 1 §2 or an auth., admin. or system. event',
    });
  }
  if (!OUTCOMES.has(event.outcome))
    issues.push({ field: '/outcome', message: 'must be success, denied or failure' });
  checkActor(issues, event);
  matches(issues, '/caseId', event.caseId, ID, 'an id', false);
  matches(issues, '/compartmentId', event.compartmentId, ID, 'an id', false);
  matches(issues, '/reason', event.reason, CODE, 'a short code', false);
  checkRecords(issues, event.records);
  checkRecipients(issues, event);
  checkJustification(issues, event);
  checkChannel(issues, channel);
  if (issues.length > 0) {
    throw new DomainError('validation_failed', { detail: 'The audit event is invalid', fields: issues });
  }
}

/**
 * The canonical JSON recorded for the event at `at` (UTC, from the injected clock) that came
 * through `channel` (the audit log passes its entry point's, channel.ts).
 */
export function eventPayload(event: AuditEvent, at: Date, channel: AuditChannel = INTERNAL_CHANNEL): string {
  validateAuditEvent(event, channel);
  const actor = isUserActor(event.actor) ? { ...event.actor } : { system: event.actor.system };
  const payload: JsonValue = {
    v: PAYLOAD_VERSION,
    at: at.toISOString(),
    actor,
    action: event.action,
    outcome: event.outcome,
    caseId: event.caseId,
    compartmentId: event.compartmentId,
    records: event.records?.map((r) => ({ type: r.type, id: r.id, category: r.category })),
    justification: event.justification?.trim(),
    recipients: event.recipients?.map((r) => ({ organisationId: r.organisationId, userId: r.userId })),
    reason: event.reason,
    channel: { type: channel.type, client: channel.client },
  };
  return canonicalJson(payload);
}
