import * as assert from 'node:assert/strict';
import { runAll, runInSlices } from '../../src/core/persist/steps';

/** Steps that each take about `ms` of wall time, counting how many ran; returns the count. */
function* busySteps(n: number, ms: number, ran: { count: number }): Generator<undefined, number> {
  for (let i = 0; i < n; i++) {
    const until = Date.now() + ms;
    while (Date.now() < until);
    ran.count++;
    yield;
  }
  return ran.count;
}

describe('steps: running a generator of steps', () => {
  it('runAll runs every step and returns the generator\'s value', () => {
    const ran = { count: 0 };
    assert.equal(runAll(busySteps(5, 0, ran)), 5);
  });

  it('runInSlices pauses between slices and returns the value', async () => {
    const ran = { count: 0 };
    let pauses = 0;
    const value = await runInSlices(busySteps(6, 3, ran), async () => void pauses++, 5);
    assert.equal(value, 6);
    assert.ok(pauses >= 2 && pauses <= 6, `paused between slices (${pauses} pauses)`);
  });

  it('runInSlices stops at a pause when the work is no longer wanted', async () => {
    const ran = { count: 0 };
    let wanted = true;
    const value = await runInSlices(busySteps(100, 2, ran), async () => void (wanted = false), 1, () => wanted);
    assert.equal(value, undefined);
    assert.ok(ran.count < 100, `stopped early (${ran.count} steps ran)`);
  });
});
