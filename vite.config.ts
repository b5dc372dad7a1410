import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { offlinePlugin } from './scripts/offline-plugin';

// base './' makes dist/ work when served from any sub-path (a course page, a blog).
export default defineConfig({
  base: './',
  plugins: [react(), offlinePlugin()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
});
