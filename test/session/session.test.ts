// The session file and share-link format (src/session): links made before it moved still open
// the same run; the headless reader the CLI uses bounds nesting like the page's import; and the
// module stays pure TypeScript (the CLI runs it in Node).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import lz from 'lz-string';
import { describe, expect, it } from 'vitest';
import { replaySession } from '../../src/engine';
import { decodeSession, encodeSession, ImportError, MAX_DEPTH, MAX_SESSION_CHARS, parseImport, parseLink, readSessionText, SESSION_FORMAT, toSessionFile } from '../../src/session';
import { decompressBounded } from '../../src/session/lzBounded';

// Made by src/store/share.ts before the format moved to src/session (same scenario, two commands, at 15 s).
const PINNED_LINK =
  '#s=N4IgbiBcCMA0IGcDGBTAdgQwE4EsD2UoAZnlgLYYAuUIAFjmpcngA4oD0y62+AAtCHiYyKGgAUGaFABMABABsGAa0GIUMqNDggk8gK4JKKLIRBo80lAigBtEAEFVAIVUBhVQBEQAXXhhzltaQACzwWCgsikhU+GgAYhhIlKRQAMwAvvAIKJSUDADmQaAs4dnUkDoYCAgYaNJYGCCZIADupEryeBjStsRYeGQ0AAzW8Mk0AEwjqg1GaUPwSigAnkFT8C24RgBKMQSQQwB0AOzpviBEGHryTLbneow48jTQg82d+b0gVPNDR3-aJADCh1UyUZZsGhKJ7PIQWUQVdzpTKgH6QACcf3+Q0BwNqPUgoHBkIqpUo2GocMsNCRZ3gaOgAFYsekgA';
const PINNED_HASH = 'd639c75b6c1b6709';

describe('share links made before the move', () => {
  it('decode to the same session and replay to the same trace hash', () => {
    // The bounded decoder reads the pinned link exactly as lz-string does.
    const body = PINNED_LINK.slice('#s='.length);
    expect(decompressBounded(body, MAX_SESSION_CHARS).text).toBe(lz.decompressFromEncodedURIComponent(body));
    const shared = decodeSession(PINNED_LINK)!;
    expect(shared.at).toBe(15_000);
    expect(shared.log).toEqual([
      { at: 3000.001, command: { type: 'kill', node: 'C' } },
      { at: 9000.001, command: { type: 'restart', node: 'C' } },
    ]);
    // Encoding what it decodes to gives the same link back.
    expect(encodeSession(shared)).toBe(PINNED_LINK);
    const imported = parseLink(`https://example.org/hintscope/${PINNED_LINK}`)!;
    expect(imported.name).toBe('Pinned link');
    expect(replaySession(imported.scenario, imported.log, imported.at!).traceHash()).toBe(PINNED_HASH);
  });
});

describe('readSessionText (the CLI reads files through it)', () => {
  const deep = `{"format":"${SESSION_FORMAT}","scenario":${'['.repeat(2500)}${']'.repeat(2500)}}`;

  it('refuses nesting before parsing or walking it, naming no field (the file is the problem)', () => {
    let err: unknown;
    try {
      readSessionText(deep);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).field).toBe('');
    expect((err as ImportError).message).toBe(`nested deeper than ${MAX_DEPTH} levels`);
    // The page refuses the same text with the same words.
    expect(() => parseImport(deep, 'file')).toThrow(`file: nested deeper than ${MAX_DEPTH} levels`);
  });

  it('leaves scenarios and text that is not JSON to the engine (null)', () => {
    expect(readSessionText('{"format":"hintscope/scenario@1"}')).toBeNull();
    expect(readSessionText('{ oops')).toBeNull();
    expect(readSessionText('')).toBeNull();
  });

  it('validates a session file as the page does, naming the field', () => {
    const shared = decodeSession(PINNED_LINK)!;
    const file = toSessionFile({ scenario: shared.scenario, commandLog: shared.log as never, now: 15_000, traceHash: PINNED_HASH });
    const read = readSessionText(`\uFEFF${JSON.stringify(file)}`)!;
    expect(read).toEqual(parseImport(JSON.stringify(file)));
    expect(() => readSessionText(JSON.stringify({ ...file, at: -1 }))).toThrow(/^at: expected a time in ms/);
  });
});

describe('src/session is pure TypeScript', () => {
  it('imports no React, zustand, DOM code, store, UI or worker', () => {
    const dir = join(__dirname, '..', '..', 'src', 'session');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text.split('\n')[0], f).toMatch(/^\/\/ pure: /);
      const specifiers = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      for (const s of specifiers) expect(s, `${f} imports ${s}`).toMatch(/^(\.\/[a-zA-Z]+|\.\.\/engine|lz-string)$/);
      expect(text, f).not.toMatch(/\b(window|document|localStorage|navigator)\b/);
    }
  });
});
