// pure: what the live region says about a batch of events — the changes a listener must not
// miss (a kill, a restart, a partition, a heal, a conviction), coalesced into one announcement.

/** The part of a log event this reads. */
export interface AnnouncedEvent {
  kind: string;
  text: string;
}

type Change =
  | { what: 'kill'; node: string; wiped: boolean }
  | { what: 'restart'; node: string }
  | { what: 'partition'; groups: string }
  | { what: 'heal' }
  | { what: 'convict'; node: string; by: string };

/** The engine's sentences (run/faults.ts, gossip/gossip.ts) for the changes announced. */
function changeOf(e: AnnouncedEvent): Change | null {
  let m: RegExpMatchArray | null;
  if (e.kind === 'fault') {
    if ((m = e.text.match(/^(\S+) crashed( and its disk was wiped)?/))) return { what: 'kill', node: m[1]!, wiped: m[2] !== undefined };
    if ((m = e.text.match(/^(\S+) restarted/))) return { what: 'restart', node: m[1]! };
    if ((m = e.text.match(/^Network partitioned: (.*)$/))) return { what: 'partition', groups: m[1]! };
    if (/^Partition healed/.test(e.text)) return { what: 'heal' };
  }
  if (e.kind === 'gossip') {
    if ((m = e.text.match(/^(\S+) convicts (\S+) /))) return { what: 'convict', by: m[1]!, node: m[2]! };
    if ((m = e.text.match(/^(\S+) marks (\S+) down/))) return { what: 'convict', by: m[1]!, node: m[2]! };
  }
  return null;
}

const list = (xs: readonly string[]) => (xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** At most this many sentences; the rest are counted. */
export const MAX_SENTENCES = 4;

/**
 * One announcement for the events (oldest first), or '' when none of them is announced.
 * Convictions of one node are one sentence ("D marked down by A, B and C"), as are kills and restarts.
 */
export function announcement(events: readonly AnnouncedEvent[]): string {
  const sentences = new Map<string, string[]>(); // key → the names it gathers, in order of first mention
  const add = (key: string, name: string) => {
    const names = sentences.get(key) ?? [];
    if (!names.includes(name)) names.push(name);
    sentences.set(key, names);
  };
  for (const e of events) {
    const c = changeOf(e);
    if (!c) continue;
    if (c.what === 'kill') add(c.wiped ? 'killed, disk wiped:' : 'killed:', c.node);
    else if (c.what === 'restart') add('restarted:', c.node);
    else if (c.what === 'partition') add('partition', c.groups);
    else if (c.what === 'heal') add('heal', '');
    else add(`convict ${c.node}`, c.by);
  }
  const out = [...sentences].map(([key, names]) => sentence(key, names));
  const more = out.length - MAX_SENTENCES;
  return (more > 0 ? [...out.slice(0, MAX_SENTENCES), `and ${more} more changes.`] : out).join(' ');
}

function sentence(key: string, names: readonly string[]): string {
  if (key === 'heal') return 'Partition healed.';
  if (key === 'partition') return `Network partitioned: ${names[names.length - 1]}.`;
  if (key.startsWith('convict ')) return `${key.slice(8)} marked down by ${list(names)}.`;
  const verb = key.slice(0, -1);
  return `${list(names)} ${verb}.`;
}
