// downwatch status page: "Notify me" buttons (Web Push). The page works
// without this script: it offers the Atom feed (and the email form when
// the server sends mail). With it, and a browser that has service workers
// and the Push API, the buttons show; a click registers /sw.js, asks for
// permission, subscribes with the server's VAPID key and hands the
// subscription to the server.
//
// What this browser follows is kept in localStorage (per service and
// kind: the follower's id, the subscription's endpoint and when it ends);
// while it lasts the button says so and a "Stop" button next to it ends
// the follow (DELETE with the endpoint). The panel follows the page's live
// updates (app.js): the "back" button, and the email form's "back" choice,
// come and go with the incident.
(function () {
  "use strict";
  var box = document.getElementById("follow");
  var push = document.getElementById("follow-push");
  var status = document.getElementById("follow-status");
  if (!box || !push || !status) return;
  var service = box.getAttribute("data-service");
  var api = "/api/v1/services/" + encodeURIComponent(service) + "/follow/push";
  var stored = "downwatch-follow:" + service + ":";
  var SUBSCRIBE_WAIT_MS = 15000;
  var pushable = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

  function say(text) { status.textContent = text; }

  // The page's words for what the script says (`data-say`, in the page's
  // language), English when missing.
  var words = {};
  try { words = JSON.parse(push.getAttribute("data-say") || "{}"); } catch (_) {}
  function word(name, english) { return words[name] || english; }

  // The saved follow of `kind`: {id, endpoint, expires_at}, or null.
  // (The first version of this page saved only the id.)
  function load(kind) {
    var raw = null;
    try { raw = localStorage.getItem(stored + kind); } catch (_) {}
    if (!raw) return null;
    var saved = null;
    try { saved = JSON.parse(raw); } catch (_) {}
    if (!saved || typeof saved !== "object") saved = { id: raw };
    if (saved.expires_at && Date.parse(saved.expires_at) < Date.now()) {
      forget(kind);
      return null;
    }
    return saved;
  }
  function save(kind, saved) {
    try { localStorage.setItem(stored + kind, JSON.stringify(saved)); } catch (_) {}
  }
  function forget(kind) {
    try { localStorage.removeItem(stored + kind); } catch (_) {}
  }

  // The endpoint the server knows the follow by: the saved one, else the
  // subscription this browser holds for the site (or null).
  function endpointOf(saved) {
    if (saved.endpoint) return Promise.resolve(saved.endpoint);
    return navigator.serviceWorker.getRegistration("/").then(function (reg) {
      return reg ? reg.pushManager.getSubscription() : null;
    }).then(function (sub) { return sub ? sub.endpoint : null; }).catch(function () { return null; });
  }

  function buttons(kind) {
    return {
      follow: push.querySelector('button[data-follow="' + kind + '"]'),
      stop: push.querySelector('button[data-unfollow="' + kind + '"]')
    };
  }

  // Shows whether this browser follows `kind`: the follow button says so
  // (and is off), the stop button shows.
  function mark(kind, following) {
    var b = buttons(kind);
    if (!b.follow || !b.stop) return;
    if (!b.follow.hasAttribute("data-label")) b.follow.setAttribute("data-label", b.follow.textContent);
    b.follow.textContent = b.follow.getAttribute(following ? "data-followed" : "data-label");
    b.follow.disabled = following;
    b.stop.hidden = !following || b.follow.hidden;
    if (following) box.setAttribute("data-followed", kind);
    else if (box.getAttribute("data-followed") === kind) box.removeAttribute("data-followed");
  }

  // The incident opened or ended while the page is open.
  function incident(on) {
    box.setAttribute("data-incident", on ? "true" : "false");
    var back = buttons("back").follow;
    if (back) back.hidden = !on;
    // A "back" follow ends with its incident (the server tells it and
    // deletes it).
    if (!on) forget("back");
    mark("back", on && !!load("back"));
  }

  document.addEventListener("downwatch:refreshed", function (e) {
    var fresh = e.detail && e.detail.doc && e.detail.doc.getElementById("follow");
    if (!fresh) return;
    var mine = box.querySelector("select[name=kind]");
    var theirs = fresh.querySelector("select[name=kind]");
    if (mine && theirs && mine.innerHTML !== theirs.innerHTML) {
      var chosen = mine.value;
      mine.innerHTML = theirs.innerHTML;
      mine.value = chosen;
      if (mine.value !== chosen) mine.selectedIndex = 0;
    }
    var on = fresh.getAttribute("data-incident") === "true";
    if (on !== (box.getAttribute("data-incident") === "true")) incident(on);
  });

  if (!pushable) return;

  function keyBytes(b64url) {
    var b64 = b64url.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    var raw = atob(b64);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  function send(method, body) {
    return fetch(api, {
      method: method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body)
    });
  }

  function failure(r) {
    return r.json().catch(function () { return {}; }).then(function (body) {
      throw new Error(body.message || (word("server", "the server answered") + " " + r.status));
    });
  }

  function follow(kind, button) {
    button.disabled = true;
    say(word("settingUp", "Setting up notifications…"));
    var registration, endpoint;
    navigator.serviceWorker.register("/sw.js").then(function (reg) {
      registration = reg;
      box.setAttribute("data-worker", "registered");
      return Notification.requestPermission();
    }).then(function (permission) {
      box.setAttribute("data-permission", permission);
      if (permission !== "granted") {
        throw new Error(word("blocked", "notifications are blocked for this site"));
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
        throw new Error(word("noPush", "your browser could not reach its push service") + " (" + e.message + ")");
      });
    }).then(function (subscription) {
      endpoint = subscription.endpoint;
      return send("POST", { kind: kind, subscription: subscription.toJSON() });
    }).then(function (r) {
      return r.ok ? r.json() : failure(r);
    }).then(function (view) {
      save(kind, { id: view.id, endpoint: endpoint, expires_at: view.expires_at });
      mark(kind, true);
      buttons(kind).stop.focus();
      say(kind === "back"
        ? word("doneBack", "Done: you will get one notification when it is back.")
        : word("doneProblems", "Done: you will be notified of problems, and when they are over."));
    }).catch(function (e) {
      button.disabled = false;
      say(word("failed", "Could not turn on notifications:") + " " + e.message + ".");
    });
  }

  function stop(kind, button) {
    var saved = load(kind);
    if (!saved) {
      mark(kind, false);
      return;
    }
    button.disabled = true;
    say(word("stopping", "Stopping notifications…"));
    endpointOf(saved).then(function (endpoint) {
      if (!endpoint) throw new Error(word("gone", "this browser no longer holds the subscription"));
      return send("DELETE", { kind: kind, endpoint: endpoint });
    }).then(function (r) {
      // 404: the follow had ended already (its lifetime, or its incident).
      if (!r.ok && r.status !== 404) return failure(r);
    }).then(function () {
      forget(kind);
      button.disabled = false;
      mark(kind, false);
      box.setAttribute("data-unfollowed", kind);
      var again = buttons(kind).follow;
      if (again && !again.hidden) again.focus();
      say(button.getAttribute("data-done"));
    }).catch(function (e) {
      button.disabled = false;
      say(word("stopFailed", "Could not stop notifications:") + " " + e.message + ".");
    });
  }

  push.hidden = false;
  push.querySelectorAll("button[data-follow]").forEach(function (button) {
    var kind = button.getAttribute("data-follow");
    button.addEventListener("click", function () { follow(kind, button); });
  });
  push.querySelectorAll("button[data-unfollow]").forEach(function (button) {
    var kind = button.getAttribute("data-unfollow");
    button.addEventListener("click", function () { stop(kind, button); });
  });
  if (box.getAttribute("data-incident") !== "true") forget("back");
  ["back", "problems"].forEach(function (kind) {
    var saved = load(kind);
    if (!saved) return;
    endpointOf(saved).then(function (endpoint) {
      if (!endpoint) {
        forget(kind);
        return;
      }
      saved.endpoint = endpoint;
      save(kind, saved);
      mark(kind, true);
    });
  });
})();
