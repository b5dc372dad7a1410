// Starts the worker that owns the engine, and mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultScenario } from './engine';
import type { FromWorker, ToWorker } from './protocol';
import { AppStoreProvider, createAppStore } from './store';
import { App } from './ui/App';
import './ui/app.css';

const worker = new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' });
const send = (msg: ToWorker) => worker.postMessage(msg);
const store = createAppStore(send);

worker.onmessage = (e: MessageEvent<FromWorker>) => store.getState().actions.receive(e.data);
worker.onerror = (e: ErrorEvent) => {
  e.preventDefault();
  store.getState().actions.showError(`The simulation worker failed: ${e.message || 'unknown error'}`);
};

store.getState().actions.init(defaultScenario());
store.getState().actions.play();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
);
