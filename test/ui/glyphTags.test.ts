// A node's state tags: who sees it down, except for live nodes in a partition (the group marks say it).
import { describe, expect, it } from 'vitest';
import { glyphTags } from '../../src/ui/ring/glyphTags';
import { makeNode } from './fixtures';

describe('glyphTags', () => {
  it('a live node seen down by peers says so, unless the network is partitioned; a down node always does', () => {
    const up = makeNode('A', { up: true });
    const down = makeNode('D', { up: false });
    const seen = { by: 3, of: 5 };
    expect(glyphTags(up, 'up', seen).map((t) => t.text)).toEqual(['seen down by 3/5']);
    expect(glyphTags(up, 'up', seen, '', true)).toEqual([]);
    expect(glyphTags(down, 'down', seen, '', true).map((t) => t.text)).toEqual(['DOWN', 'seen down by 3/5']);
  });
});
