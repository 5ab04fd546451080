// downwatch status page: "Notify me" buttons (Web Push). The page works
// without this script: it offers the Atom feed (and the email form when
// the server sends mail). With it, and a browser that has service workers
// and the Push API, the buttons show; a click registers /sw.js, asks for
// permission, subscribes with the server's VAPID key and hands the
// subscription to the server.
(function () {
  "use strict";
  var box = document.getElementById("follow");
  var push = document.getElementById("follow-push");
  var status = document.getElementById("follow-status");
  if (!box || !push || !status) return;
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return;
  var service = box.getAttribute("data-service");
  var stored = "downwatch-follow:" + service + ":";
  var SUBSCRIBE_WAIT_MS = 15000;

  function say(text) { status.textContent = text; }

  function keyBytes(b64url) {
    var b64 = b64url.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    var raw = atob(b64);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  function post(kind, subscription) {
    return fetch("/api/v1/services/" + encodeURIComponent(service) + "/follow/push", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ kind: kind, subscription: subscription.toJSON() })
    }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error(body.message || ("the server answered " + r.status));
        return body;
      });
    });
  }

  function follow(kind, button) {
    button.disabled = true;
    say("Setting up notifications…");
    var registration;
    navigator.serviceWorker.register("/sw.js").then(function (reg) {
      registration = reg;
      box.setAttribute("data-worker", "registered");
      return Notification.requestPermission();
    }).then(function (permission) {
      box.setAttribute("data-permission", permission);
      if (permission !== "granted") {
        throw new Error("notifications are blocked for this site; allow them in the browser's site settings, or use the Atom feed");
      }
      return navigator.serviceWorker.ready;
    }).then(function () {
      return fetch("/api/v1/follow/vapid-public-key").then(function (r) { return r.json(); });
    }).then(function (key) {
      // A browser that cannot reach its push service may never answer:
      // give up after a while rather than leave the person waiting.
      var giveUp = new Promise(function (_, reject) {
        setTimeout(function () { reject(new Error("no answer")); }, SUBSCRIBE_WAIT_MS);
      });
      return Promise.race([registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(key.public_key)
      }), giveUp]).catch(function (e) {
        box.setAttribute("data-push", "unreachable");
        throw new Error("your browser could not reach its push service (" + e.message + ")");
      });
    }).then(function (subscription) {
      return post(kind, subscription);
    }).then(function (view) {
      try { localStorage.setItem(stored + kind, view.id); } catch (_) {}
      box.setAttribute("data-followed", kind);
      say(kind === "back"
        ? "Done: you will get one notification when it is back."
        : "Done: you will be notified of problems, and when they are over.");
    }).catch(function (e) {
      button.disabled = false;
      say("Could not turn on notifications: " + e.message + ".");
    });
  }

  push.hidden = false;
  push.querySelectorAll("button[data-follow]").forEach(function (button) {
    var kind = button.getAttribute("data-follow");
    try {
      if (Notification.permission === "granted" && localStorage.getItem(stored + kind)) {
        button.disabled = true;
        button.title = "You follow this already";
      }
    } catch (_) {}
    button.addEventListener("click", function () { follow(kind, button); });
  });
})();
