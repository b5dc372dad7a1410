// Selectors live at module level so components share stable references.
import type { AppState } from './state';

export const selectActions = (s: AppState) => s.actions;
/** The frame the panels show (see AppState.view); the canvas reads `frame` outside React. */
export const selectFrame = (s: AppState) => s.view;
export const selectCluster = (s: AppState) => s.cluster;
export const selectNodes = (s: AppState) => s.view?.nodes;
export const selectCounters = (s: AppState) => s.view?.counters;
export const selectHintQueues = (s: AppState) => s.view?.hintQueues;
export const selectNow = (s: AppState) => s.view?.now ?? 0;
/** The moment a Restart would bring the session back to (the last good session the page holds). */
export const selectRestorableAt = (s: AppState) => s.lastGood?.now;
export const selectPlaying = (s: AppState) => s.view?.playing ?? false;
export const selectSpeed = (s: AppState) => s.view?.speed ?? 1;
export const selectJumpProgress = (s: AppState) => s.view?.jumpProgress ?? null;
export const selectWorkload = (s: AppState) => s.view?.workload ?? null;
export const selectLog = (s: AppState) => s.log;
export const selectLogSkipped = (s: AppState) => s.logSkipped;
export const selectError = (s: AppState) => s.error;
export const selectSelected = (s: AppState) => s.selected;
export const selectCutting = (s: AppState) => s.cutting;
export const selectMessagesOmitted = (s: AppState) => s.view?.messagesOmitted ?? 0;
export const selectScenario = (s: AppState) => s.scenario;
export const selectHintMode = (s: AppState) => s.cluster?.hintMode ?? 'coordinator';
export const selectSession = (s: AppState) => s.session;
export const selectRecovery = (s: AppState) => s.recovery;
export const selectImportProgress = (s: AppState) => s.importProgress;
export const selectJumpTarget = (s: AppState) => s.view?.jumpTarget ?? null;
export const selectUntil = (s: AppState) => s.view?.until ?? null;
export const selectSeries = (s: AppState) => s.series;
export const selectFaults = (s: AppState) => s.faults;
export const selectLesson = (s: AppState) => s.lesson;
export const selectLessonStep = (s: AppState) => s.lessonStep;
export const selectPrediction = (s: AppState) => s.prediction;
export const selectPresenter = (s: AppState) => s.presenter;

// The instrument's (inspector, message filters, flash, pause).
export const selectInspecting = (s: AppState) => s.inspecting;
export const selectInspection = (s: AppState) => s.view?.inspection ?? null;
export const selectHiddenMessages = (s: AppState) => s.hiddenMessages;
export const selectFlash = (s: AppState) => s.flash;
export const selectPaused = (s: AppState) => !!s.view && !s.view.playing && s.view.jumpProgress === null;
export const selectMessages = (s: AppState) => s.view?.messages;
