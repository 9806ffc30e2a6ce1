/**
 * A running program's timeline (LiveTimeline) and the task pointed at (Highlight): what the
 * playground's views subscribe to instead of the playground's own state.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TaskEvent } from '../../../src/runtime/task-events.ts';
import { Highlight } from '../../../src/lib/timeline/highlight.ts';
import { LiveTimeline } from '../../../src/lib/timeline/live.ts';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/timeline/three-tasks.json', import.meta.url), 'utf8')) as { events: TaskEvent[] };

describe('LiveTimeline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('grows as batches arrive and tells its subscribers once per interval, not once per batch', () => {
    const live = new LiveTimeline('virtual', 100);
    const heard: number[] = [];
    live.subscribe(() => heard.push(live.model.taskCount));
    live.append(fixture.events.slice(0, 3));
    live.append(fixture.events.slice(3, 11));
    expect(heard).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(heard).toHaveLength(1);
    live.append(fixture.events.slice(11));
    vi.advanceTimersByTime(200);
    expect(heard).toEqual([heard[0], 4]);
  });

  it('on finish, says how many events the runner dropped and tells subscribers at once', () => {
    const live = new LiveTimeline('virtual', 100);
    const listener = vi.fn();
    live.subscribe(listener);
    live.append(fixture.events);
    const before = live.version();
    live.finish(7);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(live.model.droppedByRunner).toBe(7);
    expect(live.version()).toBeGreaterThan(before);
    // The pending timer was cleared: nothing more is heard.
    vi.advanceTimersByTime(1000);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('an unsubscribed view hears nothing; each run has a model of its own', () => {
    const live = new LiveTimeline('real', 10);
    const listener = vi.fn();
    live.subscribe(listener)();
    live.append(fixture.events);
    vi.advanceTimersByTime(1000);
    expect(listener).not.toHaveBeenCalled();
    expect(new LiveTimeline('real').model.id).not.toBe(live.model.id);
  });
});

describe('Highlight', () => {
  it('tells subscribers when the task pointed at changes, and only then', () => {
    const highlight = new Highlight();
    const listener = vi.fn();
    const unsubscribe = highlight.subscribe(listener);
    highlight.set(2);
    highlight.set(2);
    expect(highlight.get()).toBe(2);
    highlight.set(undefined);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    highlight.set(3);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
