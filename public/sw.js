// Binjiang Map's service worker: after one visit the whole map works with the
// network gone. It keeps the release build (the files listed in PRECACHE) in a
// cache named after the build, so a new build installs beside the old one and
// then deletes it. scripts/sw-precache.mjs fills in VERSION and PRECACHE when
// trunk builds; this file as committed caches only the page itself.
const VERSION = 'binjiang-map-dev';
const PRECACHE = ['./'];
// The wasm chunks of the parts a first visit does not need (the tour, the
// share dialog, export, basemap tiles): all of them once a presenter's page (a
// wide screen with the presenter's tools, or a tour or kiosk link) asks with
// the message 'keep-chunks', else each one when it is first used. A visitor
// of an embedded map does not download them.
const CHUNKS = [];
const CHUNK_PATHS = new Set(CHUNKS.map((c) => new URL(c, self.location).pathname));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(VERSION).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data !== 'keep-chunks') return;
  event.waitUntil(
    caches
      .open(VERSION)
      .then((cache) => Promise.all(CHUNKS.map((c) => cache.match(c).then((hit) => hit ?? cache.add(c))))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('binjiang-map-') && n !== VERSION).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

// The content files (data/): edited in place on the server, so the network
// first, each answer kept for offline use, the kept copy when the network
// fails.
const CONTENT = new URL('./data/', self.location).pathname;

// Pages and content: the network first (a fresh build or an edited file shows
// at once), the cached copy when offline. Everything else: the cache first;
// the build's files never change under the same name.
self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith(CONTENT)) {
    event.respondWith(
      caches.open(VERSION).then((cache) =>
        fetch(req)
          .then((res) => {
            if (res.ok) cache.put(req, res.clone());
            return res;
          })
          .catch(() => cache.match(req, { ignoreSearch: true }).then((hit) => hit ?? Response.error())),
      ),
    );
    return;
  }
  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req).catch(() =>
        caches.open(VERSION).then((cache) => cache.match('./index.html').then((r) => r ?? cache.match('./'))),
      ),
    );
    return;
  }
  const chunk = CHUNK_PATHS.has(url.pathname);
  event.respondWith(
    caches.open(VERSION).then((cache) =>
      cache.match(req, { ignoreSearch: true }).then(
        (hit) =>
          hit ??
          fetch(req).then((res) => {
            // a chunk once used works offline from then on
            if (chunk && res.ok) cache.put(req, res.clone());
            return res;
          }),
      ),
    ),
  );
});
