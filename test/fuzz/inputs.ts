// The input fuzzer's generator: scenario files, session files and share links built from the
// shipped scenarios, the format example and the bad-input corpus, then mutated (mutate.ts); and
// random or damaged `#s=` strings. Input N of a campaign seeded S is a pure function of (S, N).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import LZString from 'lz-string';
import { encodeSession, jsonDepth, SESSION_FORMAT } from '../../src/session';
import { mutate, mutateText, randomValue, type Json } from './mutate';
import { itemSeed, Rng } from './rng';

export type InputKind = 'scenario' | 'session' | 'link' | 'random-link';

export interface FuzzInput {
  seed: number;
  index: number;
  kind: InputKind;
  text: string;
  /** What was done to the base document, for the report. */
  note: string;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function loadCorpus(): { name: string; value: Json }[] {
  const out: { name: string; value: Json }[] = [];
  const dirs = [['scenarios/', readdirSync(`${ROOT}scenarios`)], ['test/fixtures/bad/', readdirSync(`${ROOT}test/fixtures/bad`)]] as const;
  for (const [dir, files] of dirs) {
    for (const f of files.filter((x) => x.endsWith('.json')).sort()) {
      try {
        const text = readFileSync(`${ROOT}${dir}${f}`, 'utf8');
        // Deep files come in through the text mutations instead: a value that deep cannot be copied.
        if (jsonDepth(text, 100) > 100) continue;
        out.push({ name: dir + f, value: JSON.parse(text) as Json });
      } catch {
        // Not JSON (the bad corpus has some): the text mutations still reach such files through the others.
      }
    }
  }
  out.push({ name: 'test/fixtures/format-example.scenario.json', value: JSON.parse(readFileSync(`${ROOT}test/fixtures/format-example.scenario.json`, 'utf8')) as Json });
  return out;
}

let corpus: { name: string; value: Json }[] | undefined;
const CORPUS = () => (corpus ??= loadCorpus());

const URI_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/** A command log for a scenario: mostly plausible, sometimes out of order, unknown or extreme. */
function randomLog(rng: Rng, nodes: string[]): Json[] {
  const node = () => (rng.chance(0.9) && nodes.length > 0 ? rng.pick(nodes) : (randomValue(rng) as Json));
  const at = () => (rng.chance(0.85) ? rng.int(0, 120_000) + rng.pick([0, 0.001, 0.5]) : randomValue(rng));
  const commands: (() => Json)[] = [
    () => ({ type: 'kill', node: node(), wipe: rng.chance(0.3) }),
    () => ({ type: 'restart', node: node() }),
    () => ({ type: 'partition', groups: [[node()], [node(), node()]] }),
    () => ({ type: 'heal' }),
    () => ({ type: 'repair', node: node() }),
    () => ({ type: 'slow', node: node(), extraLatencyMs: rng.pick([0, 100, 2_592_000_000, -1, 1e308]) }),
    () => ({ type: 'write', key: rng.pick(['k1', '', 'x'.repeat(257)]), value: 'v', consistency: rng.pick(['ONE', 'ANY', 'ALL', 'any']) }),
    () => ({ type: 'read', key: 'k1', consistency: rng.pick(['ONE', 'ANY', 'QUORUM']) }),
    () => ({ type: 'workload', rate: rng.pick([1, 100, 100_000, 100_001, 0]), keys: rng.pick([1, 1000, 1e7]), writeRatio: rng.pick([0, 1, 0.5, 2]), consistency: 'ONE' }),
    () => ({ type: 'workloadStop' }),
    () => ({ type: 'dropMessage', id: rng.pick([0, 1, 5, 1.5, -1]) }),
    () => ({ type: 'delayMessage', id: rng.int(0, 50), byMs: rng.pick([1, 0, 86_400_000, 86_400_001]) }),
    () => ({ type: rng.pick(['nuke', '', 'KILL']) }),
  ];
  const log = Array.from({ length: rng.pick([0, 1, 3, 8]) }, () => ({ at: at(), command: rng.pick(commands)() }) as Json);
  return rng.chance(0.8) ? log.sort((a, b) => Number((a as { at: Json }).at) - Number((b as { at: Json }).at)) : log;
}

function nodesOf(v: Json): string[] {
  const nodes = (v as { cluster?: { nodes?: Json } } | null)?.cluster?.nodes;
  if (Array.isArray(nodes)) return nodes.filter((n): n is string => typeof n === 'string');
  if (typeof nodes === 'number' && nodes > 0 && nodes <= 256) return Array.from({ length: nodes }, (_, i) => `n${i + 1}`);
  return ['A', 'B', 'C', 'D', 'E', 'F'];
}

function damageLink(rng: Rng, link: string): { text: string; note: string } {
  switch (rng.int(0, 4)) {
    case 0: { const at = rng.int(3, link.length); return { text: link.slice(0, at), note: `link truncated at ${at}` }; }
    case 1: { const at = rng.int(3, Math.max(3, link.length - 1)); return { text: link.slice(0, at) + rng.pick([...URI_CHARS, '%', '#', ' ', '🦄']) + link.slice(at + 1), note: `link char ${at} changed` }; }
    case 2: return { text: `https://example.org/hintscope/?x=1${link}`, note: 'link as a URL' };
    case 3: return { text: `${link}${link.slice(3)}`, note: 'link body twice' };
    default: return { text: link, note: 'link intact' };
  }
}

const runs = new Map<number, string>();
/** A link body that expands to a session string of `n` characters (compressing is slow: once per n). */
function compressedRun(n: number): string {
  let body = runs.get(n);
  if (body === undefined) runs.set(n, (body = LZString.compressToEncodedURIComponent(`{"v":1,"scenario":"${'a'.repeat(n)}"}`)));
  return body;
}

function randomLink(rng: Rng, small: boolean): { text: string; note: string } {
  switch (rng.int(0, 3)) {
    case 0: { const n = rng.pick([0, 1, 10, 1000, 20_000]); return { text: `#s=${Array.from({ length: n }, () => rng.pick([...URI_CHARS])).join('')}`, note: `random body of ${n}` }; }
    case 1: { const n = small ? 1_000 : rng.pick([1_000, 1_000_001]); return { text: `#s=${compressedRun(n)}`, note: `compresses ${n} characters` }; }
    case 2: return { text: `#s=${LZString.compressToEncodedURIComponent(JSON.stringify(randomValue(rng)))}`, note: 'a compressed random value' };
    default: return { text: `#s=${'A'.repeat(rng.pick([200_000, 200_001]))}`, note: 'at the length bound' };
  }
}

/** Input `index` of the campaign seeded `seed`; `small` (the slice in npm test) keeps costly edits small. */
export function generateInput(seed: number, index: number, small = false): FuzzInput {
  const rng = new Rng(itemSeed(seed, index) ^ 0x1b873593);
  const kind = rng.pick<InputKind>(['scenario', 'scenario', 'session', 'session', 'link', 'random-link']);
  if (kind === 'random-link') return { seed, index, kind, ...randomLink(rng, small) };
  // Mostly the valid documents, so that a mutation leaves something that looks valid.
  const all = CORPUS();
  const base = rng.chance(0.8) ? rng.pick(all.filter((c) => !c.name.includes('/bad/'))) : rng.pick(all);
  const m = rng.chance(0.9) ? mutate(rng, base.value, small) : { value: base.value, note: ['as is'] };
  const note = [base.name, ...m.note];
  if (kind === 'link') {
    const shared = { scenario: m.value, log: randomLog(rng, nodesOf(m.value)), ...(rng.chance(0.5) ? { at: randomValue(rng) } : {}) };
    const link = damageLink(rng, encodeSession(shared as never));
    return { seed, index, kind, text: link.text, note: [...note, link.note].join('; ') };
  }
  let value = m.value;
  if (kind === 'session') value = { format: SESSION_FORMAT, scenario: m.value, log: randomLog(rng, nodesOf(m.value)), ...(rng.chance(0.6) ? { at: rng.chance(0.7) ? rng.int(0, 200_000) : randomValue(rng) } : {}) };
  let text = JSON.stringify(value);
  if (rng.chance(0.15)) {
    const t = mutateText(rng, text);
    text = t.text;
    note.push(t.note);
  }
  return { seed, index, kind, text, note: note.join('; ') };
}
