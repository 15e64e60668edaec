import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { withExclusive } from './keyed-mutex.js';

describe('withExclusive', () => {
  it('runs work on the same key one at a time, in call order, even when one fails', async () => {
    const events: string[] = [];
    const task = (name: string, ms: number, fail = false) =>
      withExclusive('a', async () => {
        events.push(`start ${name}`);
        await sleep(ms);
        events.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([task('1', 20), task('2', 5, true), task('3', 1)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('lets different keys run concurrently', async () => {
    const events: string[] = [];
    await Promise.all([
      withExclusive('x', async () => {
        events.push('start x');
        await sleep(20);
        events.push('end x');
      }),
      withExclusive('y', async () => {
        events.push('start y');
        events.push('end y');
      }),
    ]);
    expect(events).toEqual(['start x', 'start y', 'end y', 'end x']);
  });
});
