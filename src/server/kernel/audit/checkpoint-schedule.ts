/**
 * Issues a checkpoint every `intervalSeconds` in every app instance. Instances coordinate
 * through the database (ARCHITECTURE §2): the advisory lock and the growth check in
 * issueCheckpoint make the extra instances' ticks no-ops.
 */
import type { Db } from '../../db/database.js';
import { type Checkpoint, type CheckpointSigner, issueCheckpoint } from './checkpoint.js';

export interface CheckpointScheduleOptions {
  db: Db;
  signer: CheckpointSigner;
  origin: string;
  intervalSeconds: number;
  onIssued?: (checkpoint: Checkpoint) => void;
  /** A failed tick is reported and retried at the next one; it never stops the schedule. */
  onError: (error: unknown) => void;
}

/** Starts the schedule; the returned function stops it and waits for a tick in flight. */
export function startCheckpointSchedule(options: CheckpointScheduleOptions): () => Promise<void> {
  const { db, signer, origin, intervalSeconds, onIssued, onError } = options;
  if (!Number.isFinite(intervalSeconds) || intervalSeconds <= 0) {
    throw new RangeError('the checkpoint interval must be a positive number of seconds');
  }
  let inFlight: Promise<void> | undefined;
  const tick = () => {
    // A slow signer (a remote key provider) must not pile up ticks.
    if (inFlight) return;
    inFlight = issueCheckpoint(db, signer, origin)
      .then((checkpoint) => {
        if (checkpoint) onIssued?.(checkpoint);
      })
      .catch(onError)
      .finally(() => {
        inFlight = undefined;
      });
  };
  const timer = setInterval(tick, intervalSeconds * 1000);
  // The schedule alone must not keep the process alive at shutdown.
  timer.unref();
  return async () => {
    clearInterval(timer);
    await inFlight;
  };
}
