import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleClock, idleSchedule, MIN_ANSWER_SECONDS } from '../../renderer/hooks/idle-clock';

describe('idleSchedule', () => {
  it('warns the countdown before the wipe when the idle time leaves room for it', () => {
    expect(idleSchedule(300, 30)).toEqual({ warnAfter: 270, wipeAfter: 300 });
    expect(idleSchedule(180, 30)).toEqual({ warnAfter: 150, wipeAfter: 180 });
  });

  it('never gives less than 20 s to answer, even with a shorter countdown', () => {
    expect(idleSchedule(300, 15)).toEqual({ warnAfter: 280, wipeAfter: 300 });
    for (const idle of [20, 25, 40, 41, 60, 90, 3600]) {
      const { warnAfter, wipeAfter } = idleSchedule(idle, 30);
      expect(wipeAfter - warnAfter, `idle ${idle}`).toBeGreaterThanOrEqual(MIN_ANSWER_SECONDS);
      expect(wipeAfter, `idle ${idle}`).toBeGreaterThanOrEqual(idle);
    }
  });

  it('keeps a short idle time quiet for its first half, and lengthens it rather than cut the answer time', () => {
    expect(idleSchedule(20, 30)).toEqual({ warnAfter: 10, wipeAfter: 30 });
    expect(idleSchedule(50, 30)).toEqual({ warnAfter: 25, wipeAfter: 50 });
  });
});

describe('IdleClock', () => {
  let shown: Array<number | null>;
  let wipes: number;
  let clock: IdleClock;

  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-04-04T09:00:00Z') });
    shown = [];
    wipes = 0;
    clock = new IdleClock(idleSchedule(300, 30), { onCountdown: (left) => shown.push(left), onWipe: () => (wipes += 1) });
    clock.start();
  });
  afterEach(() => {
    clock.stop();
    vi.useRealTimers();
  });

  const lastShown = () => shown[shown.length - 1] ?? null;

  it('stays quiet until the warning, counts down the last 30 s, then wipes once', () => {
    vi.advanceTimersByTime(269_000);
    expect(lastShown()).toBeNull();
    vi.advanceTimersByTime(1_250);
    expect(lastShown()).toBe(30);
    vi.advanceTimersByTime(10_000);
    expect(lastShown()).toBe(20);
    expect(wipes).toBe(0);
    vi.advanceTimersByTime(20_000);
    expect(wipes).toBe(1);
    expect(lastShown()).toBeNull();
    // The clock starts over after a wipe: the next one is a whole idle time away.
    vi.advanceTimersByTime(299_000);
    expect(wipes).toBe(1);
  });

  it('starts the wait again on activity or "continue", each time it is answered', () => {
    for (let round = 0; round < 12; round += 1) {
      vi.advanceTimersByTime(285_000);
      expect(lastShown()).toBe(15);
      clock.activity();
      expect(lastShown()).toBeNull();
    }
    expect(wipes).toBe(0);
  });

  it('starts the wait again when someone is at the screen, but leaves a warning up to its own button', () => {
    vi.advanceTimersByTime(200_000);
    clock.presence();
    vi.advanceTimersByTime(269_000);
    expect(lastShown()).toBeNull();
    vi.advanceTimersByTime(2_000);
    expect(lastShown()).toBe(29);
    // The pointer on its way to "continue" (or a touch beside it) leaves the warning where the tap is aimed.
    clock.presence();
    vi.advanceTimersByTime(1_000);
    expect(lastShown()).toBe(28);
    clock.activity();
    expect(lastShown()).toBeNull();
    expect(wipes).toBe(0);
  });

  it('never wipes while work is under way, and gives the whole idle time again after it', () => {
    vi.advanceTimersByTime(290_000);
    expect(lastShown()).toBe(10);
    clock.setBusy(true);
    expect(lastShown()).toBeNull();
    vi.advanceTimersByTime(600_000);
    expect(wipes).toBe(0);
    expect(lastShown()).toBeNull();
    clock.setBusy(false);
    vi.advanceTimersByTime(269_000);
    expect(lastShown()).toBeNull();
    vi.advanceTimersByTime(31_250);
    expect(wipes).toBe(1);
  });

  it('wipes on time after the page slept through its ticks', () => {
    vi.setSystemTime(Date.now() + 301_000);
    clock.tick();
    expect(wipes).toBe(1);
  });
});
