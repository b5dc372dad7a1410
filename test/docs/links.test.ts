// The project's docs must work from a clone: every relative link in README.md and docs/*.md points
// at a file in this repository (and at a heading that exists, when it names one), and none leaves
// the repository (the old README linked to ../shared/, which a clone does not have).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** The text outside fenced code blocks, with inline code spans emptied (links in them are not links). */
function prose(md: string): string[] {
  let fenced = false;
  return md.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line.replace(/`[^`]*`/g, '``');
  });
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(md: string): Set<string> {
  const out = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of md.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = m[1]!.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

interface Link { page: string; line: number; target: string }

function linksOf(page: string): Link[] {
  const out: Link[] = [];
  prose(readFileSync(join(ROOT, page), 'utf8')).forEach((text, i) => {
    for (const m of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ page, line: i + 1, target: m[1]! });
  });
  return out;
}

const isExternal = (t: string) => /^[a-z][a-z0-9+.-]*:/i.test(t);

describe('docs links', () => {
  const links = PAGES.flatMap(linksOf);

  it('finds the pages and their links', () => {
    expect(PAGES).toEqual(expect.arrayContaining(['README.md', 'docs/scenario-format.md', 'docs/behaviour.md']));
    expect(links.filter((l) => !isExternal(l.target)).length).toBeGreaterThan(20);
  });

  it.each(PAGES)('%s: every relative link points at a file (and heading) inside the repository', (page) => {
    const broken: string[] = [];
    for (const { line, target } of links.filter((l) => l.page === page && !isExternal(l.target))) {
      const [path, hash] = target.split('#') as [string, string | undefined];
      const file = path === '' ? join(ROOT, page) : resolve(dirname(join(ROOT, page)), decodeURIComponent(path));
      const where = `${page}:${line} → ${target}`;
      if (relative(ROOT, file).startsWith(`..${sep}`) || relative(ROOT, file) === '..') broken.push(`${where}: outside the repository`);
      else if (!existsSync(file)) broken.push(`${where}: no such file`);
      else if (hash && file.endsWith('.md') && statSync(file).isFile() && !anchors(readFileSync(file, 'utf8')).has(hash)) broken.push(`${where}: no heading #${hash}`);
    }
    expect(broken).toEqual([]);
  });

  it('no page links to the specs outside the repository (../shared/)', () => {
    expect(links.filter((l) => /(^|\/)shared\//.test(l.target)).map((l) => `${l.page}:${l.line} → ${l.target}`)).toEqual([]);
  });
});
