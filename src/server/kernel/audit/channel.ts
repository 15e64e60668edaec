/**
 * The channel of an audit event (SPEC SEC-05: "client/channel"): through which entry point of
 * Concerto the action came — the web app, a connected system's delivery endpoint, the command
 * line or a daily job — and which client of it (the session, the interconnection, the command,
 * the job). It is a property of the entry point, not of the service: each entry point enters its
 * channel once, and the audit log stamps every event recorded within it (ADR 0019). Services
 * neither read nor pass it.
 *
 * Outside any entry point (a service called directly, as tests do) the channel is `internal`:
 * said so in the log rather than guessed.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export const CHANNEL_TYPES = ['web', 'interconnection', 'cli', 'job', 'internal'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export interface AuditChannel {
  type: ChannelType;
  /**
   * Which client of the channel, as an id: the web session's public id, the interconnection's
   * id, the command's name, the job's name. None for a request without a session (login, the
   * public register) and for `internal`.
   */
  client?: string;
}

/** No entry point declared a channel: a direct call of a service (tests, a script). */
export const INTERNAL_CHANNEL: AuditChannel = Object.freeze({ type: 'internal' });

/**
 * The entry point's channel, resolved when an event is recorded: an HTTP request knows its session
 * only once a route's guard has authenticated it, after the request entered its channel.
 */
type ChannelSource = () => AuditChannel;

const entered = new AsyncLocalStorage<ChannelSource>();

/**
 * Runs `work` as coming through `channel`; the audit events it records, directly or in any
 * asynchronous continuation, carry it. An inner entry point (a daily job started by a command)
 * replaces the outer one for its own work.
 */
export function runInAuditChannel<T>(channel: AuditChannel | ChannelSource, work: () => T): T {
  return entered.run(typeof channel === 'function' ? channel : () => channel, work);
}

/** The channel of the entry point the caller runs in, or `internal`. */
export function currentAuditChannel(): AuditChannel {
  const source = entered.getStore();
  return source ? source() : INTERNAL_CHANNEL;
}
