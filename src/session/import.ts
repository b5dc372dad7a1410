// pure: text from a file, a paste or a link, read as a session (or a plain scenario): size and
// nesting bounded before parsing, then the whole session validated. The page's import and the CLI
// both read through here, so both refuse the same input with the same message.
import { withoutBom } from '../engine';
import { tooDeep, tooLarge } from './bounds';
import { ImportError } from './errors';
import { isSessionFile, parseImportValue, type ImportedSession, type WorkLimit } from './file';
import { looksLikeLink, parseLink } from './link';

export type ImportSource = 'file' | 'paste' | 'link';

const SOURCE_NAME: Record<ImportSource, string> = { file: 'file', paste: 'pasted text', link: 'share link' };

/**
 * Text from a file, a paste or a link: size and nesting bounded before parsing, then the whole
 * session validated. Throws an ImportError naming the field; nothing is simulated.
 */
export function parseImport(text: string, source: ImportSource = 'file'): ImportedSession {
  const what = SOURCE_NAME[source];
  if (typeof text !== 'string') throw new ImportError(what, 'expected text');
  const large = tooLarge(text);
  if (large) throw new ImportError(what, large);
  if (text.trim() === '') throw new ImportError(what, 'empty');
  if (source !== 'file' && looksLikeLink(text)) {
    const linked = parseLink(text);
    if (linked) return linked;
  }
  const deep = tooDeep(text);
  if (deep) throw new ImportError(what, deep);
  let value: unknown;
  try {
    value = JSON.parse(withoutBom(text));
  } catch (e) {
    throw new ImportError(what, `not JSON (${(e as Error).message.slice(0, 120)})`);
  }
  return parseImportValue(value);
}

/**
 * A file read headless (the CLI; its size already bounded while reading): nesting bounded before
 * parsing, then a session file validated as the page validates an import. null for anything that
 * is not a session file (a scenario, or not JSON), which the engine's scenario parser then reads
 * and names what is wrong with. A problem with the whole text throws an ImportError whose field
 * is '' (the caller names the file).
 */
export function readSessionText(text: string, limit: WorkLimit = {}): ImportedSession | null {
  const deep = tooDeep(text);
  if (deep) throw new ImportError('', deep);
  let value: unknown;
  try {
    value = JSON.parse(withoutBom(text));
  } catch {
    return null;
  }
  return isSessionFile(value) ? parseImportValue(value, limit) : null;
}
