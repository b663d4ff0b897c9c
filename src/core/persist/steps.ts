/**
 * Work written as a generator of steps (writing the entry cache, reading it, making the search snapshot): run at
 * once, or a slice at a time so that the thread it runs in (the extension host's) can do other work between slices.
 */

/** Runs every step at once; the generator's return value. */
export function runAll<R>(steps: Generator<unknown, R>): R {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * Runs the steps, awaiting `pause` whenever a slice has run `sliceMs` (the caller yields to its event loop there).
 * `stillWanted`, asked after each pause, may stop the work: the result is then undefined.
 */
export async function runInSlices<R>(steps: Generator<unknown, R>, pause: () => Promise<void>, sliceMs = 20, stillWanted: () => boolean = () => true): Promise<R | undefined> {
  let t0 = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (Date.now() - t0 >= sliceMs) {
      await pause();
      if (!stillWanted()) return undefined;
      t0 = Date.now();
    }
  }
}
