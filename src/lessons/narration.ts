// pure: narration tied to the engine. A caption is made when the engine event it names happens —
// a log event (a crash, a conviction, a hint stored, a replay finished, a hint expired, a repair
// stream, a read answered) or a message seen in flight (a replay page, its ack, a stand-in's
// reply) — never on a timer. Captions name the run's real nodes by their role for the lesson's
// keys ("D, the third replica of chat:42"), computed from the placement.
import type { Command, LogEvent, MessageView } from '../engine/api';
import type { CaptionAnchor, CaptionPart, LessonCaption } from '../protocol/lessons';
import type { CaptionOverride, LessonStep, Probe } from './types';

/** The lesson's keys and their replicas, in preference order (from the key inspector). */
export interface Placement {
  keys: { key: string; replicas: string[] }[];
}

const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];
/** Captions one step may carry: a workload could otherwise narrate without end. */
export const MAX_CAPTIONS = 40;

/** A node named with its role: "D, the third replica of chat:42". */
export function who(node: string, pl: Placement, key?: string): CaptionPart[] {
  // The event's own key first: "B, the first replica of order:2" when the hint is for order:2.
  const keys = key ? [...pl.keys.filter((k) => k.key === key), ...pl.keys.filter((k) => k.key !== key)] : pl.keys;
  for (const k of keys) {
    const i = k.replicas.indexOf(node);
    if (i >= 0) return [{ node }, `, the ${ORDINAL[i] ?? `#${i + 1}`} replica of `, { key: k.key }, ','];
  }
  const first = pl.keys[0];
  return first ? [{ node }, ' (not a replica of ', { key: first.key }, ')'] : [{ node }];
}

/** The same, ending a clause (no appositive comma). */
export const named = (node: string, pl: Placement): CaptionPart[] => {
  const parts = who(node, pl);
  return parts.at(-1) === ',' ? parts.slice(0, -1) : parts;
};

/** Plain text of a caption (tests, screen readers, the event log's words). */
export const captionText = (parts: readonly CaptionPart[]): string =>
  parts.map((p) => (typeof p === 'string' ? p : 'node' in p ? p.node : p.key)).join('').replace(/,([:.;])/g, '$1').replace(/,,/g, ',');

type Made = { id: string; parts: CaptionPart[]; anchor: CaptionAnchor | null };
interface Rule {
  kind: LogEvent['kind'];
  re: RegExp;
  make(m: RegExpExecArray, e: LogEvent, pl: Placement): Made;
}

const at = (node: string): CaptionAnchor => ({ node });
const plural = (n: string, word: string) => `${n} ${word}${n === '1' ? '' : 's'}`;

const FAULTS: Rule[] = [
  { kind: 'fault', re: /^(\S+) crashed and its disk was wiped/, make: (m, _e, pl) => ({ id: `wipe:${m[1]}`, parts: [...who(m[1]!, pl), ' crashes and its disk is wiped: the hints it held are gone.'], anchor: at(m[1]!) }) },
  { kind: 'fault', re: /^(\S+) crashed/, make: (m, _e, pl) => ({ id: `crash:${m[1]}`, parts: [...who(m[1]!, pl), ' crashes. Nobody is told: the others must notice its gossip stop.'], anchor: at(m[1]!) }) },
  { kind: 'fault', re: /^(\S+) restarted/, make: (m, _e, pl) => ({ id: `restart:${m[1]}`, parts: [...who(m[1]!, pl), ' restarts; it serves clients once gossip has settled.'], anchor: at(m[1]!) }) },
  { kind: 'fault', re: /^Network partitioned: (.*)/, make: (m) => ({ id: 'partition', parts: [`The network splits: ${m[1]}.`], anchor: null }) },
  { kind: 'fault', re: /^Partition healed/, make: () => ({ id: 'heal', parts: ['The partition heals: every node can reach every other again.'], anchor: null }) },
  { kind: 'fault', re: /^(\S+) is slow: \+(\d+) ms/, make: (m, _e, pl) => ({ id: `slow:${m[1]}`, parts: [...who(m[1]!, pl), ` is slow: +${m[2]} ms each way.`], anchor: at(m[1]!) }) },
];

const GOSSIP: Rule[] = [
  {
    kind: 'gossip', re: /^(\S+) convicts (\S+) \(phi ([\d.]+) > ([\d.]+)\)/,
    make: (m, _e, pl) => ({ id: `convict:${m[2]}`, parts: [`phi ${m[3]} > ${m[4]}: `, { node: m[1]! }, ' convicts ', ...named(m[2]!, pl), '. From now on it is believed down, and writes for it are hinted at once.'], anchor: at(m[2]!) }),
  },
  { kind: 'gossip', re: /^(\S+) sees (\S+) up/, make: (m) => ({ id: `up:${m[2]}`, parts: [{ node: m[1]! }, ' sees ', { node: m[2]! }, ' up again (a heartbeat, then an echo).'], anchor: at(m[2]!) }) },
];

const WRITES: Rule[] = [
  {
    kind: 'write', re: / at (\S+) via (\S+)$/,
    make: (m, e, pl) => {
      const reps = pl.keys.find((k) => k.key === e.key)?.replicas ?? [];
      const to: CaptionPart[] = reps.flatMap((r, i) => [i === 0 ? '' : i === reps.length - 1 ? ' and ' : ', ', { node: r }]);
      return { id: `write:${e.seq}`, parts: [{ node: m[2]! }, ' coordinates a write of ', { key: e.key ?? '?' }, ` at ${m[1]}.`, ...(to.length ? [' Its replicas: ', ...to, '; each it believes up gets a mutation.'] : [])], anchor: at(m[2]!) };
    },
  },
  { kind: 'write', re: /acknowledged at (\S+) \((\d+) acks?\)/, make: (m, e) => ({ id: `ack:${e.seq}`, parts: ['The write of ', { key: e.key ?? '?' }, ` is acknowledged at ${m[1]}: ${plural(m[2]!, 'replica')} answered in time.`], anchor: e.node ? at(e.node) : null }) },
  { kind: 'write', re: /^(.*)$/, make: (m, e) => ({ id: `writeNote:${e.seq}`, parts: [m[1]!], anchor: e.node ? at(e.node) : null }) },
];

const READS: Rule[] = [
  { kind: 'read', re: / at (\S+) via (\S+)$/, make: (m, e) => ({ id: `read:${e.seq}`, parts: [{ node: m[2]! }, ' coordinates a read of ', { key: e.key ?? '?' }, ` at ${m[1]}.`], anchor: at(m[2]!) }) },
  {
    kind: 'read', re: /returned (.*?)( — STALE)?$/,
    make: (m, e) => ({ id: `answer:${e.seq}`, parts: ['The read of ', { key: e.key ?? '?' }, ` returns ${m[1]}${m[2] ? ' — stale: it missed the newest acknowledged write.' : '.'}`], anchor: e.node ? at(e.node) : null }),
  },
  { kind: 'read', re: /^(.*)$/, make: (m, e) => ({ id: `readNote:${e.seq}`, parts: [m[1]!], anchor: e.node ? at(e.node) : null }) },
];

const q = (holder: string, target: string): CaptionAnchor => ({ holder, target });
const HINTS: Rule[] = [
  { kind: 'hint', re: /^(\S+) stores hints for (\S+)/, make: (m, e, pl) => ({ id: `hint:${m[1]}:${m[2]}`, parts: [{ node: m[1]! }, ' stores a hint for ', ...who(m[2]!, pl, e.key), ' to replay when it is back.'], anchor: q(m[1]!, m[2]!) }) },
  { kind: 'hint', re: /^(\S+) keeps stand-in copies for (\S+)/, make: (m, _e, pl) => ({ id: `hint:${m[1]}:${m[2]}`, parts: [{ node: m[1]! }, ' keeps a stand-in copy for ', ...who(m[2]!, pl), ' to hand off later.'], anchor: q(m[1]!, m[2]!) }) },
  { kind: 'hint', re: /^(\S+) drops hint for (\S+): (.*)/, make: (m) => ({ id: `drop:${m[1]}:${m[2]}`, parts: [{ node: m[1]! }, ' drops the hint for ', { node: m[2]! }, `: ${m[3]}.`], anchor: q(m[1]!, m[2]!) }) },
  { kind: 'hint', re: /^(\S+) lost (\d+) hints?/, make: (m) => ({ id: `lost:${m[1]}`, parts: [{ node: m[1]! }, ` lost ${plural(m[2]!, 'hint')}: nothing will replay them.`], anchor: at(m[1]!) }) },
  { kind: 'hint', re: /^(\S+) discards (\d+) expired hints? for ([^\s:]+)/, make: (m) => ({ id: `expired:${m[1]}:${m[3]}`, parts: [{ node: m[1]! }, ` throws away ${plural(m[2]!, 'expired hint')} for `, { node: m[3]! }, ': older than the TTL, never applied.'], anchor: q(m[1]!, m[3]!) }) },
  { kind: 'hint', re: /^(\S+) starts (replaying|handing off) (.*) to (\S+)/, make: (m) => ({ id: `replay:${m[1]}:${m[4]}`, parts: [{ node: m[1]! }, ` starts ${m[2]} ${m[3]} to `, { node: m[4]! }, ', a page at a time, throttled.'], anchor: q(m[1]!, m[4]!) }) },
  { kind: 'hint', re: /^(\S+) finished (replaying|handing off) to (\S+)/, make: (m) => ({ id: `finished:${m[1]}:${m[3]}`, parts: [{ node: m[3]! }, ' acked every page: ', { node: m[1]! }, ' has deleted the hints it replayed.'], anchor: q(m[1]!, m[3]!) }) },
  { kind: 'hint', re: /^(\S+): replay page to (\S+) timed out/, make: (m) => ({ id: `pageTimeout:${m[1]}:${m[2]}`, parts: [{ node: m[1]! }, '’s replay page to ', { node: m[2]! }, ' timed out: the next trigger resumes from it.'], anchor: q(m[1]!, m[2]!) }) },
];

const REPAIRS: Rule[] = [
  { kind: 'repair', re: /^(\S+) starts a repair session/, make: (m) => ({ id: `repair:${m[1]}`, parts: [{ node: m[1]! }, ' starts anti-entropy: it asks the other replicas for Merkle trees of its ranges.'], anchor: at(m[1]!) }) },
  { kind: 'repair', re: /^(\S+) ↔ (\S+): (\d+) differing leaves, streaming/, make: (m) => ({ id: `stream:${m[1]}:${m[2]}`, parts: [{ node: m[1]! }, ' and ', { node: m[2]! }, ` differ in ${plural(m[3]!, 'leaf')}: a repair stream sends only those ranges.`.replace('leafs', 'leaves')], anchor: at(m[2]!) }) },
  { kind: 'repair', re: /^(.*failed.*)$/, make: (m, e) => ({ id: `repairFail:${e.seq}`, parts: [m[1]!], anchor: e.node ? at(e.node) : null }) },
];

const RULES: readonly Rule[] = [...FAULTS, ...GOSSIP, ...WRITES, ...READS, ...HINTS, ...REPAIRS];

/** The caption an engine log event makes (an author's override replaces its words), or null. */
export function captionForEvent(e: LogEvent, pl: Placement, overrides: readonly CaptionOverride[] = []): LessonCaption | null {
  for (const rule of RULES) {
    if (rule.kind !== e.kind) continue;
    const m = rule.re.exec(e.text);
    if (!m) continue;
    const made = rule.make(m, e, pl);
    const own = overrides.find((o) => o.when.kind === e.kind && e.text.includes(o.when.text));
    return { ...made, parts: own ? [own.caption] : made.parts, at: e.at, kind: e.kind };
  }
  return null;
}

/** The caption a message in flight makes: a replay page and its ack, a reply from a stand-in. */
export function captionForMessage(m: MessageView, pl: Placement): LessonCaption | null {
  const anchor: CaptionAnchor = { message: m.id, from: m.from, to: m.to };
  const base = { at: m.sentAt, kind: 'message', anchor };
  if (m.kind === 'hint') return { ...base, id: `page:${m.from}:${m.to}`, parts: [{ node: m.from }, ' sends a replay page to ', ...who(m.to, pl), ' the hints it missed.'] };
  if (m.kind === 'hint-ack') return { ...base, id: `pageAck:${m.to}:${m.from}`, parts: [{ node: m.from }, ' acks the page; only now does ', { node: m.to }, ' delete those hints.'] };
  if (m.kind === 'read-response') {
    const k = pl.keys[0];
    if (!k || k.replicas.includes(m.from)) return null;
    return { ...base, id: `standIn:${m.from}`, parts: [{ node: m.from }, ', a stand-in (not a replica of ', { key: k.key }, '), answers the read.'] };
  }
  if (m.kind === 'repair') return { ...base, id: `repairMsg:${[m.from, m.to].sort().join(':')}`, parts: [{ node: m.from }, ' and ', { node: m.to }, ' exchange Merkle trees and stream what differs.'] };
  return null;
}

/** The keys a lesson writes or reads, resolved against the live placement (a step's function commands are pure). */
export function lessonKeys(steps: readonly LessonStep[], p: Probe): string[] {
  const keys: string[] = [];
  for (const s of steps) {
    for (const a of s.actions) {
      if (!('command' in a)) continue;
      let c: Command;
      try {
        c = typeof a.command === 'function' ? a.command(p) : a.command;
      } catch {
        continue; // a command that needs a state the lesson has not reached yet
      }
      if ((c.type === 'write' || c.type === 'read') && !keys.includes(c.key)) keys.push(c.key);
    }
  }
  return keys;
}

/** The placement of keys, from the key inspector. */
export function placementOf(keys: readonly string[], p: Probe): Placement {
  return { keys: keys.map((key) => ({ key, replicas: p.inspect(key).preferenceList.filter((x) => x.replica).map((x) => x.node) })) };
}
