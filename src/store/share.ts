// Share links moved to src/session/ (shared with the CLI and the worker). This path stays for the
// UI's and tests' imports until they import src/session directly.
export { decodeSession, encodeSession, MAX_LINK_CHARS, MAX_SESSION_CHARS } from '../session';
export type { SharedSession } from '../session';
