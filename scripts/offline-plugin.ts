// Emits dist/sw.js: src/offline/sw.js with this build's file list and a version derived from
// their contents. Why not vite-plugin-pwa: it pulls ~270 packages (workbox-build, babel,
// rollup) into the install for what is forty lines of service worker here.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

const TEMPLATE = new URL('../src/offline/sw.js', import.meta.url);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function offlinePlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'hintscope-offline',
    apply: 'build',
    enforce: 'post', // after vite's own plugins have put index.html into the bundle
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle(_options, bundle) {
      const hash = createHash('sha256');
      const files = new Set<string>();
      for (const [name, item] of Object.entries(bundle)) {
        if (name.endsWith('.map')) continue;
        files.add(name);
        hash.update(name).update(item.type === 'chunk' ? item.code : item.source);
      }
      const pub = config.publicDir;
      if (pub) {
        for (const path of filesUnder(pub)) {
          const name = relative(pub, path).split(sep).join('/');
          files.add(name);
          hash.update(name).update(readFileSync(path));
        }
      }
      const list = ['./', ...[...files].sort().map((f) => `./${f}`)];
      const source = readFileSync(TEMPLATE, 'utf8')
        .replace('// @ts-check\n', '')
        .replace("'__HINTSCOPE_VERSION__'", JSON.stringify(hash.digest('hex').slice(0, 16)))
        .replace('__HINTSCOPE_FILES__', JSON.stringify(list));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
