// Legend for the marks on the message canvas (same shapes and colours).
import type { MessageKind, NodeView } from '../protocol';
import { selectMessagesOmitted, selectNodes, useAppStore } from '../store';
import { formatCount } from './format';
import { useMediaQuery } from './hooks';
import { DOOMED_COLOUR, messageStyles, type MessageStyle } from './palette';
import { currentGroups, describeGroups } from './partition';

const NO_NODES: NodeView[] = [];

const SHOWN: MessageKind[] = ['mutation', 'mutation-ack', 'hint', 'read', 'repair', 'gossip'];

function Swatch({ style, colour }: { style: MessageStyle; colour?: string }) {
  const r = Math.min(7, style.size);
  const fill = colour ?? style.colour;
  return (
    <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true">
      {style.shape === 'diamond' ? (
        <path d={`M0,${-r - 1}L${r + 1},0L0,${r + 1}L${-r - 1},0Z`} fill={fill} stroke="#3a2500" strokeWidth="1" />
      ) : style.shape === 'square' ? (
        <rect x={-r} y={-r} width={2 * r} height={2 * r} fill={fill} stroke="#3a2500" strokeWidth="1" />
      ) : (
        <circle r={r} fill={fill} opacity={Math.max(style.alpha, 0.6)} />
      )}
    </svg>
  );
}

export function Legend() {
  const dark = useMediaQuery('(prefers-color-scheme: dark)');
  const styles = messageStyles(dark);
  const omitted = useAppStore(selectMessagesOmitted);
  const groups = currentGroups(useAppStore(selectNodes) ?? NO_NODES);
  return (
    <ul className="legend" aria-label="Messages in flight: legend">
      {SHOWN.map((k) => (
        <li key={k}>
          <Swatch style={styles[k]} />
          {styles[k].label}
        </li>
      ))}
      <li>
        <Swatch style={styles.mutation} colour={DOOMED_COLOUR} />
        will be lost
      </li>
      {omitted > 0 && <li className="legend-note">+{formatCount(omitted)} not drawn</li>}
      {groups.length > 1 && (
        <li className="legend-partition" data-testid="legend-partition">
          <span aria-hidden="true">✂</span> network partitioned: {describeGroups(groups, true)}
        </li>
      )}
    </ul>
  );
}
