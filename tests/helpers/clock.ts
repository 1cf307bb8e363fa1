import { clockStartingAt, type Clock } from '../../src/server/clock.ts';

/**
 * The instant every test application starts its clock at. No test may depend on the real date or hour:
 * `VORORT_TEST_CLOCK=2026-12-24T18:00:00+01:00 npm test` runs the whole suite on another day (docs/ARCHITECTURE.md).
 * Default: a Monday morning in December 2026 (Europe/Berlin).
 */
export const TEST_CLOCK_START = process.env.VORORT_TEST_CLOCK || '2026-12-07T09:30:00+01:00';

/** A fresh clock starting at TEST_CLOCK_START (or `start`) and running on with real time. */
export function testClock(start: string = TEST_CLOCK_START): Clock {
  return clockStartingAt(start);
}
