/**
 * Runs the due daily jobs when the server starts and then every `intervalSeconds`, in every app
 * instance: the leases of run-due-jobs.ts make one instance run each job once a day, so the ticks
 * of the others are cheap no-ops. A tick is short-lived work, never a reason to keep a process up.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { JobOutcome } from './run-due-jobs.js';

export interface JobScheduleOptions {
  /** Seconds between ticks; 0 disables the schedule (jobs then run from `concerto jobs run`). */
  intervalSeconds: number;
  tick: () => Promise<JobOutcome[]>;
  onOutcomes: (outcomes: JobOutcome[]) => void;
  /** A failed tick is reported and retried at the next one; it never stops the schedule. */
  onError: (error: unknown) => void;
}

/** Who holds a lease: the host, the process and a random part, so that two processes never share it. */
export function instanceIdOf(kind: string): string {
  return `${kind}:${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** Starts the schedule with a first tick now; the returned function stops it and waits for a tick in flight. */
export function startJobSchedule(options: JobScheduleOptions): () => Promise<void> {
  const { intervalSeconds, tick, onOutcomes, onError } = options;
  if (!Number.isInteger(intervalSeconds) || intervalSeconds < 0) {
    throw new RangeError('the job interval must be a whole number of seconds, 0 to disable');
  }
  if (intervalSeconds === 0) return async () => undefined;
  let inFlight: Promise<void> | undefined;
  const run = () => {
    // A long job must not pile up ticks.
    if (inFlight) return;
    inFlight = tick()
      .then(onOutcomes)
      .catch(onError)
      .finally(() => {
        inFlight = undefined;
      });
  };
  const timer = setInterval(run, intervalSeconds * 1000);
  timer.unref();
  run();
  return async () => {
    clearInterval(timer);
    await inFlight;
  };
}
