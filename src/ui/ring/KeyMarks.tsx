// The inspected key on the ring: a pin where its token falls, the clockwise walk that finds its
// preference list, a ring round each replica (rank 1..RF) and a dimmer one round the rest.
import type { KeyInspection, NodeView } from '../../protocol';
import { CENTER, RING_INNER, RING_OUTER, polar, type Point } from '../../view/geometry';
import { replicaStatus, walkOffsets } from '../../view/inspect';

export interface KeyMarksProps {
  inspection: KeyInspection;
  nodes: readonly NodeView[];
  positions: ReadonlyMap<string, Point>;
  glyphR: number;
  /** View units per CSS pixel: marks and text keep a readable size on a small ring. */
  unit?: number;
}

const WALK_R = RING_OUTER + 8;
/** Where the key's name sits along the hand from the centre. */
const LABEL_R = 122;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** An arc at radius r clockwise from fraction a over `span` of a turn. */
function arcPath(a: number, span: number, r: number): string {
  const p = polar(a, r);
  const q = polar(a + span, r);
  return `M${p.x},${p.y}A${r},${r} 0 ${span > 0.5 ? 1 : 0} 1 ${q.x},${q.y}`;
}

function outward(p: Point): Point {
  const dx = p.x - CENTER;
  const dy = p.y - CENTER;
  const len = Math.hypot(dx, dy) || 1;
  return { x: dx / len, y: dy / len };
}

/** Behind the glyphs: the key's pin, the walk, and the rings round the preference list. */
export function KeyWalk({ inspection, nodes, positions, glyphR, unit = 1 }: KeyMarksProps) {
  const pref = inspection.preferenceList;
  const rf = pref.filter((e) => e.replica).length;
  const offsets = walkOffsets(inspection.position, pref.map((e) => e.node), nodes);
  const lastReplica = pref[rf - 1];
  const replicaSpan = lastReplica ? (offsets.get(lastReplica.node) ?? 0) : 0;
  const fullSpan = Math.max(replicaSpan, ...pref.map((e) => offsets.get(e.node) ?? 0));
  const pos = inspection.position;
  const pinIn = polar(pos, RING_INNER - 6);
  const pinOut = polar(pos, RING_OUTER + 14);
  // A hand points from the key's name (inside the ring, clear of the centre caption) to its place.
  const label = polar(pos, LABEL_R);
  const font = clamp(13 * unit, 14, 26);
  const shown = inspection.key.length > 24 ? `${inspection.key.slice(0, 23)}…` : inspection.key;
  const dir = { x: Math.sin(pos * 2 * Math.PI), y: -Math.cos(pos * 2 * Math.PI) };
  // How far the label's box reaches along the hand: its half-extents projected on the direction.
  const reach = Math.abs(dir.x) * shown.length * font * 0.32 + Math.abs(dir.y) * font * 0.6;
  const handFrom = polar(pos, LABEL_R + reach + 6);
  const stopR = clamp(6.5 * unit, 8, 13);
  return (
    <g className="key-marks" aria-hidden="true" data-testid="key-marks">
      {pref.map((e) => {
        const p = positions.get(e.node);
        if (!p) return null;
        return <circle key={e.node} cx={p.x} cy={p.y} r={glyphR + 10} className={e.replica ? 'pref-ring pref-replica' : 'pref-ring pref-extended'} />;
      })}
      {fullSpan > replicaSpan && <path d={arcPath(pos + replicaSpan, fullSpan - replicaSpan, WALK_R)} className="key-walk key-walk-extended" />}
      {replicaSpan > 0 && <path d={arcPath(pos, replicaSpan, WALK_R)} className="key-walk" />}
      {pref.map((e, i) => {
        const d = offsets.get(e.node);
        if (d === undefined) return null;
        const at = polar(pos + d, WALK_R);
        return (
          <g key={e.node} className={e.replica ? 'walk-stop' : 'walk-stop walk-stop-extended'} transform={`translate(${at.x},${at.y})`}>
            <circle r={e.replica ? stopR : stopR * 0.8} />
            <text dy="0.35em" fontSize={(e.replica ? stopR : stopR * 0.8) * 1.3}>
              {i + 1}
            </text>
          </g>
        );
      })}
      <line x1={handFrom.x} y1={handFrom.y} x2={pinIn.x} y2={pinIn.y} className="key-hand" />
      <line x1={pinIn.x} y1={pinIn.y} x2={pinOut.x} y2={pinOut.y} className="key-pin" />
      <circle cx={pinOut.x} cy={pinOut.y} r={clamp(3 * unit, 4, 7)} className="key-pin-head" />
      <text x={label.x} y={label.y} dy="0.35em" textAnchor="middle" className="key-label" fontSize={font}>
        {shown}
      </text>
    </g>
  );
}

/** Over the glyphs: the rank of each node in the key's preference list, flagged when stale, † when it holds a tombstone. */
export function RankBadges({ inspection, positions, glyphR, unit = 1 }: Omit<KeyMarksProps, 'nodes'>) {
  const r = clamp(8.5 * unit, 12, 20);
  return (
    <g className="rank-badges" aria-hidden="true">
      {inspection.preferenceList.map((e, i) => {
        const p = positions.get(e.node);
        if (!p) return null;
        const o = outward(p);
        const at = { x: p.x + o.x * (glyphR + r * 0.25), y: p.y + o.y * (glyphR + r * 0.25) };
        const rr = e.replica ? r : r * 0.8;
        const status = e.replica ? replicaStatus(e.versions, inspection.acknowledged) : null;
        const flagged = status === 'stale' || status === 'missing';
        // A replica whose newest version is a tombstone holds a delete: † beside its rank.
        const tomb = e.versions.length > 0 && e.versions.every((v) => v.tombstone);
        const text = `#${i + 1}${tomb ? '†' : ''}${flagged ? '!' : ''}`;
        const w = rr * (0.75 + 0.62 * text.length);
        const cls = `rank-badge${e.replica ? ' rank-replica' : ' rank-extended'}${flagged ? ' rank-flagged' : ''}${tomb ? ' rank-tombstone' : ''}`;
        return (
          <g key={e.node} className={cls} transform={`translate(${at.x},${at.y})`} data-testid={`rank-${e.node}`} data-rank={i + 1} data-tombstone={tomb || undefined}>
            <rect x={-w / 2} y={-rr} width={w} height={rr * 2} rx={flagged ? 3 : rr} />
            <text dy="0.35em" fontSize={rr * 1.1}>
              {text}
            </text>
          </g>
        );
      })}
    </g>
  );
}
