export { createAppStore, mergeLog, LOG_LIMIT, VIEW_EVERY_MS } from './store';
export type { AppState, AppStore, AppActions, StoreOptions } from './store';
export { AppStoreProvider, useAppStore, useAppStoreApi } from './context';
export * from './selectors';
export * from './instrument';
