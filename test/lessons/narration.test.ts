// Captions are parsed from the engine's log sentences: every node a caption names must be a node of
// the run (a regex that swallows the colon after a name would show "E:" on the ring).
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine';
import type { LogEvent } from '../../src/engine/api';
import { LESSONS } from '../../src/lessons';
import { captionForEvent, captionText, lessonKeys, placementOf } from '../../src/lessons/narration';
import { probeOf } from '../../src/lessons/run';
import { WARM_UP_MS, type Lesson } from '../../src/lessons/types';

/** Every log event of a lesson run, step after step (as the worker narrates them). */
function eventsOf(lesson: Lesson): { events: LogEvent[]; nodes: string[]; keys: string[] } {
  const sim = createSimulation(lesson.scenario);
  sim.advanceTo(WARM_UP_MS);
  const events: LogEvent[] = [];
  for (const step of lesson.steps) {
    for (const a of step.actions) {
      if ('advanceMs' in a) sim.advanceTo(sim.now + a.advanceMs);
      else sim.apply(typeof a.command === 'function' ? a.command(probeOf(sim)) : a.command);
      events.push(...sim.drainLog().events);
    }
  }
  return { events, nodes: sim.snapshot(0).nodes.map((n) => n.id), keys: lessonKeys(lesson.steps, probeOf(sim)) };
}

describe('narration names real nodes', () => {
  it.each(LESSONS.filter((l) => ['zombie', 'hint-ttl', 'hint-window', 'replay', 'holder-loss', 'partition'].includes(l.id)).map((l) => [l.id, l] as const))('%s', (_id, lesson) => {
    const { events, nodes, keys } = eventsOf(lesson);
    const pl = placementOf(keys, probeOf(createSimulation(lesson.scenario)));
    let captions = 0;
    for (const e of events) {
      const c = captionForEvent(e, pl);
      if (!c) continue;
      captions++;
      for (const part of c.parts) if (typeof part !== 'string' && 'node' in part) expect(nodes, `${c.id}: "${e.text}"`).toContain(part.node);
    }
    expect(captions).toBeGreaterThan(0);
  });
});

describe('narration names the role for the event’s own key', () => {
  it('a hint for order:2 calls its target a replica of order:2, not of the first lesson key', () => {
    const pl = { keys: [{ key: 'order:1', replicas: ['A', 'B', 'C'] }, { key: 'order:2', replicas: ['E', 'B', 'F'] }] };
    const c = captionForEvent({ seq: 1, at: 0, kind: 'hint', node: 'D', key: 'order:2', text: 'D stores hints for B (1)' }, pl);
    expect(c && captionText(c.parts)).toMatch(/B, the second replica of order:2/);
    const without = captionForEvent({ seq: 2, at: 0, kind: 'hint', node: 'D', text: 'D stores hints for B (1)' }, pl);
    expect(without && captionText(without.parts)).toMatch(/B, the second replica of order:1/);
  });
});
