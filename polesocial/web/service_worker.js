"use strict";
// The site's service worker (written by polesocial/web/offline.py as sw.js at the site's root).
// Pages: network first; if the network fails, or takes longer than TIMEOUT, the copy kept on
// this device, else the offline page of the reader's language. Every page a reader opens is
// kept. Other files (PDFs, search index, fonts, images): the copy kept on this device, checked
// against the network in the background. VERSION is a hash of the whole build: a rebuilt site
// gives a new sw.js, which the browser installs, and the old shell is deleted.
const VERSION = "{{VERSION}}";
const SHELL = "ps-shell-" + VERSION;
const PAGES = "{{PAGES}}";
const FILES = "{{FILES}}";
const PRECACHE = {{PRECACHE}};
const OFFLINE = {{OFFLINE}};     // language prefix -> its offline page
const TIMEOUT = {{TIMEOUT}};     // milliseconds before a page's kept copy is shown
const IMMUTABLE = /\.[0-9a-f]{8}\.(?:min\.)?(?:js|css)$/; // names that change with the content
const ROOT = new URL("./", self.location).pathname;

self.addEventListener("install", event => {
  event.waitUntil(caches.open(SHELL)
    .then(cache => cache.addAll(PRECACHE.map(path => new Request(path, {
      cache: IMMUTABLE.test(path) ? "default" : "no-cache"}))))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", event => {
  event.waitUntil(caches.keys()
    .then(names => Promise.all(names
      .filter(name => name.startsWith("ps-shell-") && name !== SHELL)
      .map(name => caches.delete(name))))
    .then(() => self.clients.claim()));
});

// The pages and files a page used before this worker controlled it (the first visit), or that
// the reader asked to keep ("save for offline"): {type: "keep", pages: [...], files: [...]}.
self.addEventListener("message", event => {
  const message = event.data || {};
  if (message.type !== "keep") return;
  const keep = async (name, urls) => {
    const cache = await caches.open(name);
    for (const url of urls || []) {
      if (!sameSite(new URL(url, self.location)) || await caches.match(url, {ignoreSearch: true}))
        continue;
      try {
        const response = await fetch(url);
        if (response.ok) await cache.put(stripSearch(url), response);
      } catch (error) { /* offline: kept next time */ }
    }
  };
  event.waitUntil(Promise.all([keep(PAGES, message.pages), keep(FILES, message.files)]));
});

self.addEventListener("fetch", event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !sameSite(url) || request.headers.has("range")) return;
  const navigation = request.mode === "navigate" || request.destination === "document";
  event.respondWith(IMMUTABLE.test(url.pathname) ? keptFirst(event)
    : networkFirst(event, navigation ? PAGES : FILES, navigation ? url : null));
});

function sameSite(url) {
  return url.origin === self.location.origin && url.pathname.startsWith(ROOT) &&
    url.pathname !== ROOT + "sw.js";
}

function stripSearch(url) {
  const bare = new URL(url, self.location);
  bare.search = "";
  bare.hash = "";
  return bare.href;
}

// The network's answer, kept in the cache ``name`` (while the reader already reads it).
function fetchAndKeep(event, name) {
  return fetch(event.request).then(response => {
    if (response.ok && response.type === "basic") {
      const copy = response.clone();
      event.waitUntil(caches.open(name).then(cache => cache.put(stripSearch(event.request.url), copy)));
    }
    return response;
  });
}

// Files whose name changes with their content: a kept copy is always right.
async function keptFirst(event) {
  return (await caches.match(event.request, {ignoreSearch: true})) || fetchAndKeep(event, FILES);
}

// Pages and every other file: the network's answer; the kept copy if the network fails or is
// slower than TIMEOUT; for a page never kept, the offline page of its language.
async function networkFirst(event, name, page) {
  const network = fetchAndKeep(event, name);
  network.catch(() => {}); // answered from the device: a later failure changes nothing
  const late = new Promise(resolve => setTimeout(resolve, TIMEOUT, null));
  try {
    const first = await Promise.race([network, late]);
    if (first) return first;
    return (await caches.match(event.request, {ignoreSearch: true})) || await network;
  } catch (error) {
    const kept = await caches.match(event.request, {ignoreSearch: true});
    if (kept || !page) return kept || Response.error();
    const path = page.pathname.slice(ROOT.length);
    const prefix = Object.keys(OFFLINE).find(p => p && path.startsWith(p)) || "";
    return (await caches.match(OFFLINE[prefix])) || Response.error();
  }
}
