// The session file and share-link format moved to src/session/ (shared with the CLI and the
// worker). This path stays for the UI's and tests' imports until they import src/session directly.
export {
  ImportError,
  jsonDepth,
  looksLikeLink,
  MAX_DEPTH,
  MAX_FILE_BYTES,
  parseImport,
  parseImportValue,
  parseLink,
  SCENARIO_FORMAT,
  SESSION_FORMAT,
  toSessionFile,
  validateSession,
} from '../session';
export type { ImportedSession, ImportSource, SessionFile } from '../session';
