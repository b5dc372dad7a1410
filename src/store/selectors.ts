// Selectors live at module level so components share stable references.
import type { AppState } from './store';

export const selectActions = (s: AppState) => s.actions;
export const selectFrame = (s: AppState) => s.frame;
export const selectCluster = (s: AppState) => s.cluster;
export const selectNodes = (s: AppState) => s.frame?.nodes;
export const selectCounters = (s: AppState) => s.frame?.counters;
export const selectHintQueues = (s: AppState) => s.frame?.hintQueues;
export const selectNow = (s: AppState) => s.frame?.now ?? 0;
export const selectPlaying = (s: AppState) => s.frame?.playing ?? false;
export const selectSpeed = (s: AppState) => s.frame?.speed ?? 1;
export const selectJumpProgress = (s: AppState) => s.frame?.jumpProgress ?? null;
export const selectWorkload = (s: AppState) => s.frame?.workload ?? null;
export const selectLog = (s: AppState) => s.log;
export const selectLogSkipped = (s: AppState) => s.logSkipped;
export const selectError = (s: AppState) => s.error;
export const selectSelected = (s: AppState) => s.selected;
export const selectMessagesOmitted = (s: AppState) => s.frame?.messagesOmitted ?? 0;
export const selectScenario = (s: AppState) => s.scenario;
export const selectHintMode = (s: AppState) => s.cluster?.hintMode ?? 'coordinator';
export const selectSession = (s: AppState) => s.session;
export const selectJumpTarget = (s: AppState) => s.frame?.jumpTarget ?? null;
export const selectUntil = (s: AppState) => s.frame?.until ?? null;
export const selectSeries = (s: AppState) => s.series;
export const selectFaults = (s: AppState) => s.faults;
