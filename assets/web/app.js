// downwatch pages: live updates without a reload. Pages are complete
// without this script; it only refreshes the parts marked data-live, when
// the event stream announces an incident change and once a minute for the
// counts, and filters the service list as you type.
(function () {
  "use strict";

  // Times: the page says them in UTC (and names the zone); here they are
  // said in the visitor's own zone. The UTC text stays as a tooltip.
  // The page's language decides how dates are written ("2. März", "3月2日").
  var locale = document.documentElement.lang || undefined;
  function localize(root) {
    if (!window.Intl || !Intl.DateTimeFormat) return;
    var zone = "";
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (_) {}
    var formats = {
      time: new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" }),
      date: new Intl.DateTimeFormat(locale, {
        day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
        timeZoneName: "short"
      })
    };
    var tick = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    root.querySelectorAll("time[data-tz]").forEach(function (el) {
      var at = new Date(el.getAttribute("datetime"));
      var format = formats[el.getAttribute("data-tz")];
      if (!format || isNaN(at)) return;
      if (!el.title) el.title = el.textContent;
      el.textContent = format.format(at);
    });
    root.querySelectorAll("[data-datetime]").forEach(function (el) {
      var at = new Date(el.getAttribute("data-datetime"));
      if (!isNaN(at)) el.textContent = tick.format(at);
    });
    root.querySelectorAll("[data-tz-note]").forEach(function (el) {
      var said = el.getAttribute("data-tz-note") || "Times are in your time zone.";
      el.textContent = zone ? said + " (" + zone + ")" : said;
    });
  }
  localize(document);

  // The language switcher keeps the choice: unprefixed addresses (links in
  // mails, the report form's answer) then open in it.
  document.querySelectorAll("[data-lang]").forEach(function (a) {
    a.addEventListener("click", function () {
      document.cookie = "lang=" + a.getAttribute("data-lang") + "; path=/; max-age=31536000; SameSite=Lax";
    });
  });

  // Installable: the service worker keeps the shell and the last status
  // pages for offline use; "Add to home screen" where the browser offers it.
  // Registered once the page has loaded: its install fetches the home
  // page, which should not compete with this page's own first paint.
  if ("serviceWorker" in navigator) {
    var register = function () { navigator.serviceWorker.register("/sw.js").catch(function () {}); };
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register);
  }
  var hint = document.getElementById("install-hint");
  var offered = null;
  window.addEventListener("beforeinstallprompt", function (e) {
    e.preventDefault();
    offered = e;
    var dismissed = false;
    try { dismissed = localStorage.getItem("install-dismissed") === "1"; } catch (_) {}
    if (hint && !dismissed) hint.hidden = false;
  });
  var install = document.getElementById("install-button");
  if (install) install.addEventListener("click", function () {
    if (hint) hint.hidden = true;
    if (offered) { offered.prompt(); offered = null; }
  });
  var dismiss = document.getElementById("install-dismiss");
  if (dismiss) dismiss.addEventListener("click", function () {
    if (hint) hint.hidden = true;
    try { localStorage.setItem("install-dismissed", "1"); } catch (_) {}
  });

  // Offline (the service worker answered from its copy): say so, and when
  // the copy was saved.
  function offlineNote() {
    var note = document.getElementById("offline-note");
    if (!note || navigator.onLine !== false || !window.caches) return;
    caches.match(location.href).then(function (r) {
      var saved = r && r.headers.get("x-saved-at");
      if (!saved) return;
      var at = new Date(saved);
      var span = note.querySelector("[data-saved-at]");
      if (span && !isNaN(at)) {
        span.textContent = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(at);
      }
      note.hidden = false;
    }).catch(function () {});
  }
  offlineNote();
  window.addEventListener("offline", offlineNote);
  window.addEventListener("online", function () {
    var note = document.getElementById("offline-note");
    if (note) note.hidden = true;
  });

  var scope = document.body.getAttribute("data-live-scope") || "";
  if (!scope) return;

  var busy = false;
  function refresh() {
    if (busy || document.hidden) return;
    busy = true;
    fetch(location.href, { headers: { Accept: "text/html" }, credentials: "same-origin", cache: "no-cache" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, "text/html");
        document.querySelectorAll("[data-live]").forEach(function (el) {
          var fresh = doc.querySelector('[data-live="' + el.getAttribute("data-live") + '"]');
          if (fresh && fresh.innerHTML !== el.innerHTML) {
            el.innerHTML = fresh.innerHTML;
            localize(el);
          }
        });
        // Scripts with state of their own (the follow panel) take what
        // they need from the same fetch.
        try {
          document.dispatchEvent(new CustomEvent("downwatch:refreshed", { detail: { doc: doc } }));
        } catch (_) {}
        document.documentElement.setAttribute("data-refreshed", String(Date.now()));
      })
      .catch(function () {})
      .then(function () { busy = false; });
  }
  window.downwatchRefresh = refresh;

  if (window.EventSource) {
    var events = new EventSource("/api/v1/events");
    window.downwatchEvents = events;
    var onEvent = function (e) {
      var service = "";
      try {
        var data = JSON.parse(e.data);
        service = data.incident ? data.incident.service : data.service;
      } catch (_) {}
      if (scope === "all" || scope === "service:" + service) refresh();
    };
    ["incident.opened", "incident.updated", "incident.resolved", "incident.official_update", "official.changed"].forEach(function (kind) {
      events.addEventListener(kind, onEvent);
    });
  }
  setInterval(refresh, 60000);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) refresh(); });

  var search = document.getElementById("q");
  var list = document.getElementById("services");
  if (search && list) {
    var filter = function () {
      var needle = search.value.trim().toLowerCase();
      var category = (document.getElementById("category") || {}).value || "";
      list.querySelectorAll("li").forEach(function (li) {
        var show = li.getAttribute("data-name").indexOf(needle) >= 0 &&
          (!category || li.getAttribute("data-category") === category);
        li.hidden = !show;
      });
    };
    search.addEventListener("input", filter);
    var select = document.getElementById("category");
    if (select) select.addEventListener("change", filter);
  }
})();
