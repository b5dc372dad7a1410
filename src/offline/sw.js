// @ts-check
// HintScope's service worker: once the app has loaded, it runs with the network gone (a
// classroom's Wi-Fi). The build (scripts/offline-plugin.ts) fills in VERSION and FILES, so a
// new build is a new worker: the browser installs it, it caches the new files, then deletes
// the old cache. Asset names carry content hashes, so cache-first never serves a stale mix.
/// <reference lib="webworker" />

const VERSION = '__HINTSCOPE_VERSION__';
/** @type {string[]} every file of the build, relative to this script */
const FILES = __HINTSCOPE_FILES__;
const CACHE = `hintscope-${VERSION}`;
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('hintscope-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !req.url.startsWith(sw.registration.scope)) return;
  // Any page of the app is index.html: a share link's #s=… never reaches the server anyway.
  const lookup = req.mode === 'navigate' ? new URL('index.html', sw.registration.scope).href : req;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(lookup, { ignoreSearch: true }))
      .then((hit) => hit ?? fetch(req)),
  );
});
