// Legend for the marks on the message canvas (same shapes and colours). Each kind is a
// toggle: the canvas, the click-to-pick and the in-flight list skip the kinds switched off.
import type { MessageKind, NodeView } from '../../protocol';
import {
  MESSAGE_GROUPS,
  selectActions,
  selectHiddenMessages,
  selectMessagesOmitted,
  selectNodes,
  useAppStore,
  type MessageGroup,
} from '../../store';
import { formatCount } from '../../view/format';
import { useMediaQuery } from '../common/hooks';
import { InFlightList } from '../panels/InFlightList';
import { DOOMED_COLOUR, messageStyles, nodeColour } from '../../view/palette';
import { Swatch } from '../common/Swatch';
import { WAN_DASH, WAN_LINK } from '../../view/canvas/marks';
import { currentGroups, describeGroups } from '../../view/partition';
import '../panels/instrument.css';

const NO_NODES: NodeView[] = [];

/** The kind whose mark stands for a group, and the group's name in the legend. */
export const GROUP_SWATCH: Record<MessageGroup, { kind: MessageKind; label: string; title: string }> = {
  mutation: { kind: 'mutation', label: 'write', title: 'Mutations from a coordinator to a replica' },
  ack: { kind: 'mutation-ack', label: 'ack', title: 'A replica acknowledging a mutation' },
  read: { kind: 'read', label: 'read', title: 'Reads and their replies (the replies are the small dots)' },
  hint: { kind: 'hint', label: 'hint replay', title: 'Hint replay pages and their acks' },
  repair: { kind: 'repair', label: 'repair', title: 'Anti-entropy repair: Merkle trees and streamed data' },
  gossip: { kind: 'gossip', label: 'gossip', title: 'Gossip heartbeats: what each failure detector hears' },
};

export function Legend() {
  const dark = useMediaQuery('(prefers-color-scheme: dark)');
  const styles = messageStyles(dark);
  const omitted = useAppStore(selectMessagesOmitted);
  const hidden = useAppStore(selectHiddenMessages);
  const actions = useAppStore(selectActions);
  const nodes = useAppStore(selectNodes) ?? NO_NODES;
  const groups = currentGroups(nodes);
  return (
    <div className="legend-bar">
      <ul className="legend" aria-label="Messages in flight: show or hide each kind">
        {MESSAGE_GROUPS.map((g) => {
          const { kind, label, title } = GROUP_SWATCH[g];
          const on = !hidden.includes(g);
          return (
            <li key={g}>
              <button
                type="button"
                className="legend-toggle"
                aria-pressed={on}
                title={`${title} — ${on ? 'shown; click to hide' : 'hidden; click to show'}`}
                data-testid={`legend-${g}`}
                onClick={() => actions.setMessageGroupVisible(g, !on)}
              >
                <Swatch style={styles[kind]} />
                <span className="legend-label">{label}</span>
              </button>
            </li>
          );
        })}
        <li className="legend-vnodes" data-testid="legend-vnodes" title="The outer band: each arc is a token range (a vnode), coloured by the node that owns it. Point at one, or Tab to the band and use the arrow keys, to see its owner and tokens.">
          <VnodeSwatch />
          <span>vnode: owner's colour</span>
        </li>
        {dcCount(nodes) > 1 && (
          <li className="legend-wan" data-testid="legend-wan" title="A message between two datacenters goes round the outside of the ring, its way ahead dashed: the WAN link, longer and slower (interDcLatency) than a hop within a datacenter (latency)">
            <WanSwatch dark={dark} />
            <span>between datacenters (WAN)</span>
          </li>
        )}
        <li className="legend-doomed" title="A message that will be lost (dropped, partitioned or sent to a dead node) turns red and fades; ✕ marks where it dies">
          <Swatch style={styles.mutation} colour={DOOMED_COLOUR} cross />
          <span>
            will be lost
            <span className="legend-why" data-testid="legend-doomed-why">
              {' '}(dropped, partitioned or sent to a down node; ✕ where it dies)
            </span>
          </span>
        </li>
        {omitted > 0 && <li className="legend-note">+{formatCount(omitted)} not drawn</li>}
        {groups.length > 1 && (
          <li className="legend-partition" data-testid="legend-partition">
            <span aria-hidden="true">✂</span> network partitioned: {describeGroups(groups, true)}
          </li>
        )}
      </ul>
      <InFlightList />
    </div>
  );
}

const dcCount = (nodes: readonly NodeView[]) => new Set(nodes.map((n) => n.dc).filter((d) => d !== undefined)).size;

/** A dashed arc, as the canvas draws the way ahead of a message between datacenters. */
function WanSwatch({ dark }: { dark: boolean }) {
  return (
    <svg width="18" height="12" viewBox="0 0 18 12" aria-hidden="true">
      <path d="M1,11Q9,-5 17,11" fill="none" stroke={dark ? WAN_LINK.dark : WAN_LINK.light} strokeWidth="1.75" strokeDasharray={WAN_DASH.join(' ')} />
    </svg>
  );
}

/** A strip of the token band: three ranges in the first three nodes' colours, as the ring draws them. */
function VnodeSwatch() {
  return (
    <svg width="18" height="10" viewBox="0 0 18 10" aria-hidden="true">
      {[0, 1, 2].map((i) => (
        <rect key={i} x={i * 6} y={1} width={5.4} height={8} fill={nodeColour(i)} />
      ))}
    </svg>
  );
}
