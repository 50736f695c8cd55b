"use strict";
// Reading offline, on the page's side (written by polesocial/web/offline.py; loaded by every
// page with a script src, as the Content-Security-Policy allows no inline script):
// - registers the service worker (sw.js at the site's root), after the page has loaded;
// - asks it to keep this page and the files it used (the first page is loaded before the
//   worker controls it);
// - on a document's page, the "save for offline" button keeps the page and its PDF, and the
//   box says "available offline" once both are on the device;
// - once the worker controls the page, a PDF link opens the PDF instead of only downloading it
//   (the browser's downloads do not go through the worker): the worker keeps it;
// - says so when the reader is offline; on the offline page, lists what this device holds.
(() => {
  const PAGES = "{{PAGES}}", FILES = "{{FILES}}";
  const script = document.currentScript;
  if (!("serviceWorker" in navigator) || !window.caches || location.protocol === "file:") return;
  const root = new URL("../../", script.src);
  const here = () => { const url = new URL(location.href); url.hash = ""; url.search = ""; return url.href; };
  const sameSite = url => url.origin === root.origin && url.pathname.startsWith(root.pathname);
  const kept = url => caches.match(url, {ignoreSearch: true}).then(Boolean, () => false);

  function keep(message) {
    return navigator.serviceWorker.ready.then(registration => {
      if (registration.active) registration.active.postMessage({type: "keep", ...message});
    });
  }

  const list = document.querySelector(".ps-offline-list");

  // The banner shown while the reader is offline (the offline page says it already).
  const banner = document.createElement("div");
  banner.className = "ps-offline-banner";
  banner.setAttribute("role", "status");
  banner.textContent = script.dataset.offlineNow || "";
  banner.hidden = navigator.onLine;
  if (!list) document.body.prepend(banner);
  addEventListener("online", () => { banner.hidden = true; });
  addEventListener("offline", () => { banner.hidden = false; });

  // A document's "save for offline" box: its state is the box's data-state (idle, saving,
  // saved, failed), which shows the paragraph of that state; the first becomes a button.
  const box = document.querySelector(".ps-offline");
  const pdfLink = document.querySelector(".ps-download a[href$='.pdf']");
  const pdfUrl = () => pdfLink.href;
  const showState = state => { box.dataset.state = state; };
  async function refresh() {
    const saved = (await kept(here())) && (await kept(pdfUrl()));
    showState(saved ? "saved" : "idle");
    return saved;
  }
  async function save() {
    showState("saving");
    try {
      const pages = await caches.open(PAGES), files = await caches.open(FILES);
      if (!(await kept(here()))) await pages.add(here());
      if (!(await kept(pdfUrl()))) await files.add(pdfUrl());
      if (!(await refresh())) throw new Error("not kept");
    } catch (error) {
      showState("failed");
    }
  }
  if (box && pdfLink) {
    const label = box.querySelector(".ps-offline__save");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button ps-offline__save";
    button.textContent = label.textContent;
    button.addEventListener("click", save);
    label.replaceWith(button);
    refresh();
  }

  // The offline page: what this device holds, in the page's language.
  async function fillList() {
    const prefix = list.dataset.prefix || "";
    // Titles end with " - <site name>", as this page's own does: the list leaves it out.
    const siteName = document.title.slice(document.title.indexOf(" - "));
    const items = [];
    for (const name of [PAGES, FILES]) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const url = new URL(request.url);
        const path = url.pathname.slice(root.pathname.length);
        const isPdf = path.endsWith(".pdf");
        if (!isPdf && name === FILES) continue;
        const otherLanguage = prefix ? !path.startsWith(prefix) : path.startsWith("ar/");
        if (!isPdf && otherLanguage) continue;
        if (isPdf && !path.endsWith(`-${list.dataset.lang}.pdf`) && !path.endsWith("-bi.pdf")) continue;
        let title = path.split("/").pop() || path;
        if (!isPdf) {
          const text = await (await cache.match(request)).text();
          const found = /<title>([^<]*)<\/title>/.exec(text);
          if (found) title = new DOMParser().parseFromString(found[1], "text/html").body.textContent
            .replace(siteName, "") || title;
        }
        items.push({href: url.href, title, isPdf});
      }
    }
    const unique = [...new Map(items.map(item => [item.href, item])).values()];
    unique.sort((a, b) => a.isPdf - b.isPdf || a.title.localeCompare(b.title));
    const ul = list.querySelector("ul");
    for (const item of unique) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = item.href;
      a.textContent = item.title;
      li.append(a);
      ul.append(li);
    }
    list.hidden = unique.length === 0;
  }
  if (list) fillList();

  // The worker, once the page is there: it must not compete with the page's own files.
  const start = () => navigator.serviceWorker
    .register(new URL("sw.js", root), {scope: root.pathname})
    .then(() => {
      if (list) return;
      const files = performance.getEntriesByType("resource").map(entry => new URL(entry.name))
        .filter(url => sameSite(url) && !url.pathname.endsWith("/sw.js")).map(url => url.href);
      return keep({pages: [here()], files});
    })
    .then(() => box && pdfLink && refresh())
    .catch(() => {});
  const openPdfs = () => {
    if (!navigator.serviceWorker.controller) return;
    for (const link of document.querySelectorAll("a[download][href$='.pdf']"))
      if (sameSite(new URL(link.href))) link.removeAttribute("download");
  };
  openPdfs();
  navigator.serviceWorker.addEventListener("controllerchange", openPdfs);
  if (document.readyState === "complete") start(); else addEventListener("load", start);
})();
