import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { canonicalJson } from './canonical-json.js';
import type { AuditChannel } from './channel.js';
import { eventPayload, LIMITS } from './event-payload.js';
import type { AuditEvent } from './events.js';

const at = new Date('2025-03-01T10:00:00Z');

const consult: AuditEvent = {
  actor: { userId: 'u-1', organisationId: 'org-1', role: 'participant' },
  action: 'consult',
  outcome: 'success',
  caseId: 'case-1',
  compartmentId: 'cmp-1',
  records: [{ type: 'item', id: 'item-1', category: 9 }],
  justification: 'Preparing the consultation of 3 March',
};

/** The offending fields of a refused event. */
function refusedFields(event: unknown): string[] {
  try {
    eventPayload(event as AuditEvent, at);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('validation_failed');
    return ((error as DomainError).details.fields ?? []).map((f) => f.field);
  }
  throw new Error('the event was accepted');
}

describe('audit event payload', () => {
  it('is canonical JSON with the time of the injected clock', () => {
    const web = { type: 'web', client: '3f1c2b9e-8d4a-4f6e-9b7a-1c2d3e4f5a6b' } as const;
    const payload = eventPayload(consult, at, web);
    expect(payload).toBe(
      '{"action":"consult","actor":{"organisationId":"org-1","role":"participant","userId":"u-1"},"at":"2025-03-01T10:00:00.000Z",' +
        '"caseId":"case-1","channel":{"client":"3f1c2b9e-8d4a-4f6e-9b7a-1c2d3e4f5a6b","type":"web"},"compartmentId":"cmp-1",' +
        '"justification":"Preparing the consultation of 3 March","outcome":"success",' +
        '"records":[{"category":9,"id":"item-1","type":"item"}],"v":2}',
    );
    const reordered: AuditEvent = {
      justification: consult.justification,
      records: [{ category: 9, id: 'item-1', type: 'item' }],
      compartmentId: 'cmp-1',
      caseId: 'case-1',
      outcome: 'success',
      action: 'consult',
      actor: { role: 'participant', organisationId: 'org-1', userId: 'u-1' },
    };
    expect(eventPayload(reordered, at, web)).toBe(payload);
  });

  it('SEC-05 records the channel of the entry point, and says internal when there is none', () => {
    expect(JSON.parse(eventPayload(consult, at)).channel).toEqual({ type: 'internal' });
    expect(
      JSON.parse(eventPayload(consult, at, { type: 'job', client: 'prosecutor-list-erasure' })).channel,
    ).toEqual({
      type: 'job',
      client: 'prosecutor-list-erasure',
    });
    const refusedChannel = (channel: unknown) => {
      try {
        eventPayload(consult, at, channel as AuditChannel);
      } catch (error) {
        return ((error as DomainError).details.fields ?? []).map((f) => f.field);
      }
      throw new Error('the channel was accepted');
    };
    expect(refusedChannel({ type: 'email' })).toEqual(['/channel/type']);
    expect(refusedChannel({ type: 'cli', client: 'jobs run --as-of 2026-01-01' })).toEqual([
      '/channel/client',
    ]);
    expect(refusedChannel({ type: 'web', userAgent: 'Firefox' })).toEqual(['/channel/userAgent']);
    // A service cannot choose its channel: the entry point's is stamped by the log.
    expect(refusedFields({ ...consult, channel: { type: 'web' } })).toEqual(['/channel']);
  });

  it('refuses to consult or disclose without a justification', () => {
    expect(refusedFields({ ...consult, justification: undefined })).toEqual(['/justification']);
    expect(refusedFields({ ...consult, justification: '   ' })).toEqual(['/justification']);
    expect(refusedFields({ ...consult, action: 'disclose', justification: undefined })).toEqual([
      '/recipients',
      '/justification',
    ]);
    const disclose = { ...consult, action: 'disclose', recipients: [{ organisationId: 'org-2' }] };
    expect(() => eventPayload(disclose as AuditEvent, at)).not.toThrow();
    expect(() => eventPayload({ ...consult, action: 'store', justification: undefined }, at)).not.toThrow();
    // A refused attempt consulted nothing; it is logged with its reason instead.
    const refused = { ...consult, outcome: 'denied', reason: 'not_in_audience', justification: undefined } as const;
    expect(() => eventPayload(refused, at)).not.toThrow();
    // Nor did a refused disclosure disclose anything: it names no recipient.
    expect(() => eventPayload({ ...refused, action: 'disclose' }, at)).not.toThrow();
  });

  it('bounds the justification and keeps it to one line', () => {
    expect(() =>
      eventPayload({ ...consult, justification: 'é'.repeat(LIMITS.justificationChars) }, at),
    ).not.toThrow();
    expect(refusedFields({ ...consult, justification: 'é'.repeat(LIMITS.justificationChars + 1) })).toEqual([
      '/justification',
    ]);
    expect(refusedFields({ ...consult, justification: 'first line\nsecond line' })).toEqual([
      '/justification',
    ]);
  });

  it('accepts ids and short codes only, never free text that could carry content', () => {
    expect(refusedFields({ ...consult, caseId: 'Case of Jan Peeters' })).toEqual(['/caseId']);
    expect(
      refusedFields({ ...consult, actor: { ...consult.actor, userId: 'jan.peeters@example.be' } }),
    ).toEqual(['/actor/userId']);
    expect(refusedFields({ ...consult, records: [{ type: 'Item Note', id: 'x'.repeat(65) }] })).toEqual([
      '/records/0/type',
      '/records/0/id',
    ]);
    expect(refusedFields({ ...consult, reason: 'Refused because he is a suspect' })).toEqual(['/reason']);
  });

  it('refuses fields the audit model does not know', () => {
    expect(refusedFields({ ...consult, note: 'the person moved to Ghent' })).toEqual(['/note']);
    expect(refusedFields({ ...consult, actor: { ...consult.actor, name: 'Jan' } })).toEqual(['/actor/name']);
    expect(refusedFields({ ...consult, records: [{ type: 'item', id: 'i-1', content: 'x' }] })).toEqual([
      '/records/0/content',
    ]);
    expect(
      refusedFields({
        ...consult,
        action: 'disclose',
        recipients: [{ organisationId: 'org-2', email: 'a@b.c' }],
      }),
    ).toEqual(['/recipients/0/email']);
  });

  it('knows the 16 data categories of bill art. 2 §2', () => {
    expect(() =>
      eventPayload({ ...consult, records: [{ type: 'item', id: 'i-1', category: 16 }] }, at),
    ).not.toThrow();
    expect(refusedFields({ ...consult, records: [{ type: 'item', id: 'i-1', category: 17 }] })).toEqual([
      '/records/0/category',
    ]);
    expect(refusedFields({ ...consult, records: [{ type: 'item', id: 'i-1', category: 0 }] })).toEqual([
      '/records/0/category',
    ]);
  });

  it('accepts the processing operations and the auth, admin and system families only', () => {
    for (const action of ['auth.login_failed', 'admin.user_created', 'system.retention_run']) {
      expect(() => eventPayload({ ...consult, action } as AuditEvent, at)).not.toThrow();
    }
    for (const action of ['delete', 'auth.', 'Auth.login', 'audit.tamper', 'system.Purge all']) {
      expect(refusedFields({ ...consult, action })).toEqual(['/action']);
    }
    expect(refusedFields({ ...consult, outcome: 'ok' })).toEqual(['/outcome']);
  });

  it('lets an unattended job erase and destroy, but makes a user accountable for anything else', () => {
    const system = { actor: { system: 'retention' }, outcome: 'success', caseId: 'case-1' };
    expect(() => eventPayload({ ...system, action: 'destroy' } as AuditEvent, at)).not.toThrow();
    expect(() =>
      eventPayload({ ...system, action: 'system.checkpoint_issued' } as AuditEvent, at),
    ).not.toThrow();
    expect(refusedFields({ ...system, action: 'use' })).toEqual(['/actor']);
    expect(refusedFields({ ...consult, actor: undefined })).toEqual(['/actor']);
  });

  it('records who a permanent representative acts for (bill art. 5)', () => {
    const payload = eventPayload(
      { ...consult, actor: { ...consult.actor, representing: 'org-police-2' } },
      at,
    );
    expect(JSON.parse(payload).actor.representing).toBe('org-police-2');
  });

  it('INT-02 records the interconnection a delivery came through, as an id only', () => {
    const payload = eventPayload(
      { ...consult, actor: { ...consult.actor, interconnection: '0b9e2f9c-54a8-4a5e-9f39-9d1b3c7d2e11' } },
      at,
    );
    expect(JSON.parse(payload).actor.interconnection).toBe('0b9e2f9c-54a8-4a5e-9f39-9d1b3c7d2e11');
    expect(
      refusedFields({ ...consult, actor: { ...consult.actor, interconnection: 'Focus PZ Gent' } }),
    ).toEqual(['/actor/interconnection']);
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth, keeps array order and drops undefined members', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: null }], a: 'é\n"', c: undefined, d: true })).toBe(
      '{"a":"é\\n\\"","b":[3,{"a":null,"z":1}],"d":true}',
    );
  });

  it('has no representation for non-finite numbers', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });
});
