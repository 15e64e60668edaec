/** The schedule of `concerto serve` (ADR 0015): a tick at start, then every interval; 0 runs none. */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { instanceIdOf, startJobSchedule } from './job-schedule.js';
import type { JobOutcome } from './run-due-jobs.js';

describe('the daily-job schedule', () => {
  it('LST-03 checks the jobs at start, reports failures without stopping, and waits for a tick in flight when stopped', async () => {
    let ticks = 0;
    let finished = 0;
    const errors: unknown[] = [];
    const reported: JobOutcome[][] = [];
    const stop = startJobSchedule({
      intervalSeconds: 1,
      tick: async () => {
        ticks++;
        await sleep(100);
        if (ticks === 1) throw new Error('database unavailable');
        finished++;
        return [{ name: 'job', outcome: 'completed' }];
      },
      onOutcomes: (outcomes) => reported.push(outcomes),
      onError: (error) => errors.push(error),
    });
    expect(ticks).toBe(1);
    await sleep(1200);
    expect(ticks).toBe(2);
    await stop();
    // The second tick finished before stop() returned, and no tick follows.
    expect(finished).toBe(1);
    expect(errors).toHaveLength(1);
    expect(reported).toEqual([[{ name: 'job', outcome: 'completed' }]]);
    await sleep(1100);
    expect(ticks).toBe(2);
  });

  it('LST-03 an interval of 0 runs no job (cron runs `concerto jobs run` instead)', async () => {
    let ticks = 0;
    const stop = startJobSchedule({
      intervalSeconds: 0,
      tick: async () => {
        ticks++;
        return [];
      },
      onOutcomes: () => undefined,
      onError: () => undefined,
    });
    await stop();
    expect(ticks).toBe(0);
    expect(instanceIdOf('serve')).not.toBe(instanceIdOf('serve'));
  });
});
