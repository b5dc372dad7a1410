import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// base './' makes dist/ work when served from any sub-path (a course page, a blog).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
});
