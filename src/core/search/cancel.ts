/**
 * Cancellation of a query: a signal the caller flips (VS Code's CancellationToken adapted at the edge, in
 * src/vscode), read at the query's steps. A query is a generator of steps (`SearchEngine.searchSteps`); run at once,
 * it stops at the first step after its signal is set, and run in slices (`searchInSlices`), it also lets the thread
 * it runs in do other work between slices, so that the keystroke that supersedes it can set the signal at all.
 * A stopped query throws `CancelledError` and returns nothing.
 */
import type { ParsedQuery } from './query';
import type { SearchEngine, SearchOptions, SearchResults } from './types';

/** Set once the work is no longer wanted (read, never written, by the work). */
export interface CancelSignal {
  readonly cancelled: boolean;
}

/** What a query stopped by its signal, or superseded by another on the same index, throws. */
export class CancelledError extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

export function isCancelled(e: unknown): e is CancelledError {
  return e instanceof CancelledError;
}

/** Throws `CancelledError` when `signal` is set. */
export function stopIfCancelled(signal: CancelSignal | undefined): void {
  if (signal?.cancelled) throw new CancelledError();
}

/**
 * Runs every step at once, reading `signal` after each: when it is set, the steps are ended (their `finally` blocks
 * run) and `CancelledError` is thrown.
 */
export function runSteps<R>(steps: Generator<unknown, R>, signal?: CancelSignal): R {
  try {
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      stopIfCancelled(signal);
    }
  } finally {
    steps.return(undefined as R);
  }
}

/**
 * Runs the steps, awaiting `pause` whenever a slice has run `sliceMs` (the caller yields to its event loop there),
 * reading `signal` after each step: when it is set, the steps are ended and `CancelledError` is thrown.
 * `now`: a clock in milliseconds.
 */
export async function runStepsInSlices<R>(steps: Generator<unknown, R>, signal: CancelSignal | undefined, pause: () => Promise<void>, sliceMs: number, now: () => number): Promise<R> {
  try {
    stopIfCancelled(signal);
    let t0 = now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      stopIfCancelled(signal);
      if (now() - t0 >= sliceMs) {
        await pause();
        stopIfCancelled(signal);
        t0 = now();
      }
    }
  } finally {
    steps.return(undefined as R);
  }
}

/**
 * A query run a slice at a time (see `runStepsInSlices`). Throws `CancelledError` when `signal` is set, or when
 * another query or a change of the index came between two slices (the query is then run again by whoever wants it).
 */
export function searchInSlices(
  engine: SearchEngine,
  query: string | ParsedQuery,
  options: SearchOptions & { pause: () => Promise<void>; sliceMs?: number; now?: () => number },
): Promise<SearchResults> {
  const { pause, sliceMs = 10, now = () => Date.now(), ...rest } = options;
  return runStepsInSlices(engine.searchSteps(query, rest), rest.signal, pause, sliceMs, now);
}
