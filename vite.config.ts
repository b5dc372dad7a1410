import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
// With its extension: Vite's native config loader (its future default) resolves no bare paths.
import { offlinePlugin } from './scripts/offline-plugin.ts';

/**
 * The built page's CSP drops what only the dev server needs: websockets to any host (HMR) and
 * blob: workers. The app's workers are files of its own origin; it connects nowhere.
 */
function strictBuildCsp(): Plugin {
  return {
    name: 'hintscope-strict-build-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(/(http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/, (_, head: string, csp: string) => {
        const strict = csp.replace(/connect-src [^;]*/, "connect-src 'self'").replace(/worker-src [^;]*/, "worker-src 'self'");
        return `${head}${strict}"`;
      });
    },
  };
}

// base './' makes dist/ work when served from any sub-path (a course page, a blog).
export default defineConfig({
  base: './',
  plugins: [react(), strictBuildCsp(), offlinePlugin()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // React and react-dom are ~220 kB of the page's 520 kB: a chunk of their own keeps the app's
    // chunk under Vite's 500 kB warning and stays cached across app releases (it changes only
    // with the React version).
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }] } },
    },
  },
});
