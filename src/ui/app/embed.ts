// pure: the embed flag on a link (`&embed=1` after any fragment: a share link, a lesson or
// interview link; `#embed=1` alone for a fresh cluster), taken off before the link is read, and
// the iframe snippet Share offers for it.
export const EMBED_FLAG = 'embed=1';

/** The fragment without the flag, and whether it was there. Only `embed=1` counts; other parts stay. */
export function splitEmbed(hash: string): { hash: string; embed: boolean } {
  if (!hash.startsWith('#')) return { hash, embed: false };
  const parts = hash.slice(1).split('&');
  const kept = parts.filter((p) => p !== EMBED_FLAG);
  if (kept.length === parts.length) return { hash, embed: false };
  return { hash: kept.length > 0 && kept.join('') !== '' ? `#${kept.join('&')}` : '', embed: true };
}

/** The link with the flag added (a link with no fragment gets `#embed=1`). */
export function withEmbed(link: string): string {
  const i = link.indexOf('#');
  return i < 0 || i === link.length - 1 ? `${link.replace(/#$/, '')}#${EMBED_FLAG}` : `${link}&${EMBED_FLAG}`;
}

export interface EmbedSize {
  width: number;
  height: number;
  label: string;
}

/** A blog post's column, and a phone's. */
export const EMBED_SIZES: readonly EmbedSize[] = [
  { width: 720, height: 480, label: '720 × 480 (a blog column)' },
  { width: 390, height: 600, label: '390 × 600 (a phone)' },
];

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The iframe an author pastes into a page: the embed link at a size, titled for screen readers. */
export function embedSnippet(link: string, size: EmbedSize, title: string): string {
  return `<iframe src="${attr(withEmbed(link))}" width="${size.width}" height="${size.height}" title="${attr(`HintScope: ${title}`)}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}
