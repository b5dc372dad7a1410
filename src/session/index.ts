// pure: the session file and share-link format in one place, for the page (store, UI), the
// worker and the CLI alike. No React, zustand or DOM: the CLI runs it in Node.
export { MAX_AT_MS, MAX_DEPTH, MAX_FILE_BYTES, MAX_LINK_CHARS, MAX_LOG_ENTRIES, MAX_SESSION_CHARS, jsonDepth, tooDeep, tooLarge } from './bounds';
export { ImportError, fieldOf } from './errors';
export { isSessionFile, parseImportValue, refuseUnsafe, SCENARIO_FORMAT, SESSION_FORMAT, toSessionFile, validateSession } from './file';
export type { ImportedSession, SessionFields, SessionFile, WorkLimit } from './file';
export { decodeSession, encodeSession, LINK_PREFIX, looksLikeLink, parseLink } from './link';
export type { SharedSession } from './link';
export { parseImport, readSessionText } from './import';
export type { ImportSource } from './import';
