// Cross-DC forwarding in the page: the words of the popover and the in-flight list
// (view/forwarding.ts), the relay badge (drawRelays) and the packed frame carrying both fields.
import { describe, expect, it } from 'vitest';
import { createMessageListDecoder, packMessageList } from '../../src/protocol/packing';
import { dcMap, routeFacts, routeTag } from '../../src/view/forwarding';
import { placeRelayLabels, relayLabel } from '../../src/view/canvas/drawRelays';
import { CENTER } from '../../src/view/geometry';
import { makeMessage } from './fixtures';

const dcOf = dcMap([
  { id: 'A', dc: 'us' }, { id: 'B', dc: 'us' }, { id: 'D', dc: 'eu' }, { id: 'E', dc: 'eu' }, { id: 'F', dc: 'eu' },
]);

describe('route words', () => {
  it('a relay copy is between datacenters and carries the write for the others', () => {
    const m = makeMessage({ from: 'A', to: 'D', forwardTo: ['E', 'F'] });
    expect(routeFacts(m, dcOf)).toEqual(['between datacenters (us → eu)', 'forwarded: carries the write for E, F in eu']);
    expect(routeTag(m, dcOf)).toBe('WAN ×3');
  });
  it('an onward copy names its relay; a plain WAN ack is just WAN; a LAN message says nothing', () => {
    expect(routeFacts(makeMessage({ from: 'D', to: 'E', relayed: true }), dcOf)).toEqual(['relayed by D']);
    expect(routeTag(makeMessage({ from: 'D', to: 'E', relayed: true }), dcOf)).toBe('relayed');
    expect(routeTag(makeMessage({ kind: 'mutation-ack', from: 'E', to: 'A' }), dcOf)).toBe('WAN');
    expect(routeFacts(makeMessage({ from: 'A', to: 'B' }), dcOf)).toEqual([]);
    expect(routeTag(makeMessage({ from: 'A', to: 'B' }), new Map())).toBeNull();
  });
  it('the badge counts the copies one relay copy stands for', () => {
    expect(relayLabel(['E', 'F'])).toBe('×3');
  });
});

describe('relay badges', () => {
  // A dot on the ring's right, 250 px out: inwards is towards smaller x.
  const dot = [CENTER + 250, CENTER];
  const none = { points: [], r: 30 };

  it('sit beside the dot towards the middle when nothing is there', () => {
    expect(placeRelayLabels(dot, ['×3'], 10, 17, none)).toEqual([{ text: '×3', x: CENTER + 240, y: CENTER, align: 'right' }]);
  });
  it('go to the outer side rather than cover a node, and leave out one that would cover another badge', () => {
    const glyph = { points: [{ x: CENTER + 200, y: CENTER }], r: 30 };
    expect(placeRelayLabels(dot, ['×3'], 10, 17, glyph)).toEqual([{ text: '×3', x: CENTER + 260, y: CENTER, align: 'left' }]);
    // Two copies at one spot: the second badge has no free side.
    expect(placeRelayLabels([...dot, ...dot], ['×3', '×2'], 10, 17, none).map((b) => b.text)).toEqual(['×3', '×2']);
    expect(placeRelayLabels([...dot, ...dot, ...dot], ['×3', '×2', '×4'], 10, 17, none).map((b) => b.text)).toEqual(['×3', '×2']);
  });
});

describe('packed frames', () => {
  it('carry forwardTo and relayed through, and leave them off the messages without', () => {
    const msgs = [
      makeMessage({ id: 1, from: 'A', to: 'D', forwardTo: ['E', 'F'] }),
      makeMessage({ id: 2, from: 'D', to: 'E', relayed: true }),
      makeMessage({ id: 3, from: 'A', to: 'B' }),
    ];
    const out = createMessageListDecoder()(packMessageList(msgs).list);
    expect(out).toEqual(msgs);
    expect('forwardTo' in out[2]! || 'relayed' in out[2]!).toBe(false);
  });
});
