// downwatch service worker: shows the notices the server pushes (JSON:
// title, body, url, tag) and opens the status page when one is clicked;
// keeps the installed app usable offline. Pages always come from the
// server while it answers; a copy of each page seen (the home page, the
// status page of every service followed or visited) is kept, stamped with
// when it was saved, and shown when the network is gone (the page then
// says it is offline and how old its copy is). Fingerprinted assets never
// change and are kept as they come.
"use strict";

var PAGES = "downwatch-pages-v1";
var ASSETS = "downwatch-assets-v1";
// Pages kept at most (oldest dropped first).
var MAX_PAGES = 40;

self.addEventListener("install", function (event) {
  // The shell: the home page (redirected to the reader's language) and its
  // assets come with the first visit; this makes the app open offline
  // even before the reader went anywhere.
  event.waitUntil(caches.open(PAGES).then(function (cache) {
    return fetch("/", { credentials: "same-origin" }).then(function (r) {
      return r.ok ? keep(cache, r.url, r) : null;
    });
  }).catch(function () {}).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== PAGES && k !== ASSETS; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

// A page's copy, stamped with when it was saved.
function keep(cache, url, response) {
  return response.clone().blob().then(function (body) {
    var headers = new Headers(response.headers);
    headers.set("x-saved-at", new Date().toISOString());
    return cache.put(url, new Response(body, { status: response.status, headers: headers }));
  }).then(function () {
    return cache.keys();
  }).then(function (keys) {
    return Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_PAGES)).map(function (k) { return cache.delete(k); }));
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.indexOf("/assets/") === 0) {
    event.respondWith(caches.open(ASSETS).then(function (cache) {
      return cache.match(request).then(function (hit) {
        return hit || fetch(request).then(function (r) {
          if (r.ok && /\.[0-9a-f]{12}\./.test(url.pathname)) cache.put(request, r.clone());
          return r;
        });
      });
    }));
    return;
  }
  if (request.mode !== "navigate" || url.pathname.indexOf("/api/") === 0) return;
  event.respondWith(fetch(request).then(function (r) {
    if (r.ok && r.type === "basic" && !url.search) {
      var copy = r.clone();
      event.waitUntil(caches.open(PAGES).then(function (cache) { return keep(cache, r.url || request.url, copy); }));
    }
    return r;
  }).catch(function () {
    return caches.open(PAGES).then(function (cache) {
      return cache.match(request, { ignoreSearch: true }).then(function (hit) {
        return hit || cache.keys().then(function (keys) {
          // Not kept: the home page in the language last seen.
          var home = keys.filter(function (k) { return /^\/[a-z-]+\/$/.test(new URL(k.url).pathname); })[0];
          return home ? cache.match(home) : Response.error();
        });
      });
    });
  }));
});

self.addEventListener("push", function (event) {
  var data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (_) {
    data = { body: event.data ? event.data.text() : "" };
  }
  event.waitUntil(self.registration.showNotification(data.title || "downwatch", {
    body: data.body || "",
    tag: data.tag,
    data: { url: data.url || "/" }
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var target = new URL((event.notification.data && event.notification.data.url) || "/", self.location.origin);
  // Only pages of this site.
  var url = target.origin === self.location.origin ? target.href : self.location.origin + "/";
  event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
    for (var i = 0; i < windows.length; i++) {
      if (windows[i].url === url && "focus" in windows[i]) return windows[i].focus();
    }
    return self.clients.openWindow(url);
  }));
});
