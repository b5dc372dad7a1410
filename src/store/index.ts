export { createAppStore, mergeLog, LOG_LIMIT } from './store';
export type { AppState, AppStore, AppActions, StoreOptions } from './store';
export { AppStoreProvider, useAppStore, useAppStoreApi } from './context';
export * from './selectors';
export * from './instrument';
