export { createAppStore, mergeLog, LOG_LIMIT, VIEW_EVERY_MS } from './store';
export type { AppState, AppStore, AppActions, Recovery, RecoveryPhase, SessionMessage, StoreOptions } from './store';
export { AppStoreProvider, useAppStore, useAppStoreApi } from './context';
export { createWorkerLink, isOutOfMemory } from './workerLink';
export type { FailureCause, WorkerControl, WorkerFailure, WorkerLike, WorkerLink } from './workerLink';
export { PROBE_AFTER_MS } from './recovery';
export * from './selectors';
export * from './instrument';
