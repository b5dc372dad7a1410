import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { decodeSession, encodeSession, MAX_LINK_CHARS } from '../../src/session';
import { defaultScenario } from '../../src/engine';

describe('share links', () => {
  it('round-trips a session', () => {
    const session = { scenario: defaultScenario(), log: [{ at: 1000.001, command: { type: 'kill', node: 'C' } }] };
    expect(decodeSession(encodeSession(session))).toEqual(session);
  });

  it('ignores fragments that are not share links', () => {
    expect(decodeSession('')).toBeNull();
    expect(decodeSession('#about')).toBeNull();
  });

  it('rejects bad links with a message naming the problem', () => {
    const enc = (x: unknown) => '#s=' + compressToEncodedURIComponent(typeof x === 'string' ? x : JSON.stringify(x));
    const cases: [string, RegExp][] = [
      ['#s=%%%not-lz', /does not decompress/],
      ['#s=' + 'A'.repeat(MAX_LINK_CHARS + 1), /longer than/],
      [enc('not json {'), /not JSON/],
      [enc([1, 2]), /expected a session object/],
      [enc({ v: 2, scenario: {} }), /^share link: v: /],
      [enc({ v: 1 }), /^share link: scenario: /],
      [enc('x'.repeat(1_000_001)), /larger than 1 MB/],
    ];
    for (const [hash, re] of cases) expect(() => decodeSession(hash)).toThrow(re);
  });
});
