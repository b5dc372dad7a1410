// Starts the worker that owns the engine, and mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultScenario } from './engine';
import { AppStoreProvider, createAppStore, createWorkerLink, isOutOfMemory } from './store';
import { openSession } from './store/files';
import { parseLink, type ImportedSession } from './store/sessionFile';
import { App } from './ui/app/App';
import { EmbedApp } from './ui/app/EmbedApp';
import { splitEmbed } from './ui/app/embed';
import { splitShared } from './ui/share/links';
import { lessonOf } from './view/lessons/catalogue';
import { parseLessonLink, type LessonLink } from './ui/lessons/link';
import './ui/app/app.css';
import './ui/app/layout.css';

/** How often the page checks that the simulation worker still answers. */
const HEALTH_CHECK_MS = 5_000;

// Until the first simulation is ready, an error answers the shared session: fall back to a fresh cluster.
let awaitingFirst = true;
// The worker link owns the simulation worker; the store may end it (it failed) and spawn a fresh one (Restart).
const link = createWorkerLink(() => new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' }), {
  message: (msg) => {
    // (An allocation failure is the worker's end, not the link's fault: the store offers Restart.)
    if (awaitingFirst && msg.type === 'error' && !isOutOfMemory(msg.message)) {
      awaitingFirst = false;
      store.getState().actions.receive({ type: 'error', message: `Share link rejected — ${msg.message}. Opened a fresh cluster instead.` });
      store.getState().actions.init(defaultScenario());
      store.getState().actions.play();
      return;
    }
    if (msg.type === 'ready') awaitingFirst = false;
    store.getState().actions.receive(msg);
  },
  failed: (failure) => {
    awaitingFirst = false;
    store.getState().actions.workerFailed(failure);
  },
});
const store = createAppStore(link.send, { worker: link });
// A worker stuck in a loop sends nothing at all: the store probes a quiet one and gives up on silence.
setInterval(() => store.getState().actions.checkHealth(), HEALTH_CHECK_MS);

// `&embed=1` on any link asks for the minimal frame (ui/app/embed.ts); the rest is the link itself.
const { hash, embed } = splitEmbed(window.location.hash);
// Share inside a lesson gives both: the lesson at its step, and the exact run (opened if the lesson cannot be).
const parts = splitShared(hash);
// A share link opens its session paused, exactly where it was shared; otherwise a fresh cluster runs.
// The link is checked in full here (every field named) before the worker builds anything.
let shared: ImportedSession | null = null;
try {
  shared = parts.session ? parseLink(parts.session) : null;
} catch (err) {
  store.getState().actions.showError(`Share link rejected — ${(err as Error).message}. Opened a fresh cluster instead.`);
}
// A lesson link (#lesson=<id>&step=<n>) opens that lesson; a bad one says which field and opens the sandbox.
let lessonLink: LessonLink | null = null;
let lessonError: string | null = null;
try {
  lessonLink = parts.lesson ? parseLessonLink(parts.lesson) : null;
} catch (err) {
  lessonError = `${(err as Error).message}. Opened ${shared ? 'the shared run' : 'a fresh cluster'} instead.`;
  store.getState().actions.showError(lessonError);
}
// A link pasted over an open page's address: with `&embed=1` added (or taken off), or any new
// link inside the embed, the page starts again as the link says (the lab's own #s= handling,
// in FilesBar, opens a plain share link in place).
window.addEventListener('hashchange', () => {
  const next = splitEmbed(window.location.hash).embed;
  if (next !== embed || embed) window.location.reload();
});
if (lessonLink) {
  const { kind, id, step, predict, present } = lessonLink;
  const actions = store.getState().actions;
  if (present) actions.setPresenter(true);
  actions.startLesson(kind, id, lessonOf(kind, id)!.scenario, step);
  if (predict !== undefined) actions.predict(predict);
} else if (shared) {
  // Rebuilt in the worker (in slices, with progress), then run to the moment it was shared and paused.
  // (Opening clears errors: a lesson that could not open is said again once the run is there.)
  void openSession(store, shared).then(() => {
    if (lessonError) store.getState().actions.showError(lessonError);
  });
} else {
  store.getState().actions.init(defaultScenario());
  store.getState().actions.play();
}

// Offline once loaded (a classroom's Wi-Fi): the built app caches itself. Not in dev, where
// a cache would serve yesterday's modules.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch((err: unknown) => {
    console.warn('HintScope will not work offline:', err);
  });
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      {embed ? <EmbedApp /> : <App />}
    </AppStoreProvider>
  </StrictMode>,
);
