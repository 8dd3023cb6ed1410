import { DateTime } from 'luxon';

export const ZONE = 'Europe/Amsterdam';

/** "Now", injected everywhere so tests can set it. Features never call new Date() for rules. */
export interface Clock {
  now(): DateTime;
}

export const systemClock: Clock = {
  now: () => DateTime.now().setZone(ZONE),
};

/** A clock tests can set and move. */
export class FixedClock implements Clock {
  private current: DateTime;

  constructor(iso: string) {
    this.current = DateTime.fromISO(iso, { zone: ZONE });
  }

  now(): DateTime {
    return this.current;
  }

  set(iso: string): void {
    this.current = DateTime.fromISO(iso, { zone: ZONE });
  }
}
