/*
 * Parley pages: the little JavaScript they need, with no build step.
 * - adds the CSRF token to every htmx request;
 * - runs the reply-clock countdowns against the server's time and closes the compose box when the window closes;
 * - shows times in the reader's time zone;
 * - keeps a WebSocket open (with a short-lived socket token from POST /session/socket-token) and, on each event,
 *   asks the server for the new or changed messages as HTML fragments, so every message is rendered by the same
 *   template, as text; nothing here ever puts message data into markup;
 * - quick replies: click, Alt+1..9, or /shortcut then Tab; Ctrl+Enter sends.
 */
(function () {
  'use strict';

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }

  var csrfHeader = meta('csrf-header');
  var csrfToken = meta('csrf-token');
  var body = document.body;
  var serverNow = Number(body.getAttribute('data-now'));
  var skew = serverNow > 0 ? serverNow - Date.now() : 0;

  function now() {
    return Date.now() + skew;
  }

  document.addEventListener('htmx:configRequest', function (e) {
    if (csrfHeader && csrfToken) {
      e.detail.headers[csrfHeader] = csrfToken;
    }
  });

  // ------------------------------------------------------------------ countdowns and the closed state

  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }

  function left(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    var d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
    if (d > 0) { return d + 'd ' + pad(h) + 'h'; }
    if (h > 0) { return h + 'h ' + pad(m) + 'm'; }
    return m + 'm ' + pad(s % 60) + 's';
  }

  function fill(template, value) {
    return (template || '').replace('{0}', value);
  }

  function tick() {
    var t = now();
    document.querySelectorAll('.clock[data-deadline]').forEach(function (el) {
      var deadline = Number(el.getAttribute('data-deadline'));
      var closes = Number(el.getAttribute('data-closes'));
      var state, text;
      if (!deadline) {
        state = 'none'; text = '';
      } else if (closes && t > closes) {
        state = 'closed'; text = el.getAttribute('data-t-closed');
      } else if (t <= deadline) {
        state = 'due'; text = fill(el.getAttribute('data-t-due'), left(deadline - t));
      } else {
        state = 'overdue'; text = fill(el.getAttribute('data-t-overdue'), left(closes - t));
      }
      el.classList.remove('clock-none', 'clock-due', 'clock-overdue', 'clock-closed');
      el.classList.add('clock-' + state);
      if (el.textContent !== text) { el.textContent = text; }
    });
    document.querySelectorAll('.compose[data-closes]').forEach(function (form) {
      var closes = Number(form.getAttribute('data-closes'));
      if (closes && t > closes) { form.classList.add('window-closed'); }
    });
  }

  // ------------------------------------------------------------------ local times

  var timeFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
    { dateStyle: 'medium', timeStyle: 'short' });

  function localTimes(root) {
    (root || document).querySelectorAll('time[datetime]').forEach(function (el) {
      var d = new Date(el.getAttribute('datetime'));
      if (!isNaN(d.getTime())) {
        el.textContent = timeFormat.format(d);
        el.title = d.toISOString();
      }
    });
  }

  // ------------------------------------------------------------------ live messages

  var messages = document.getElementById('messages');
  var conversationId = messages ? messages.getAttribute('data-conversation') : null;
  var chain = Promise.resolve();

  function enqueue(work) {
    chain = chain.then(work).catch(function () { /* the next event or reconnect catches up */ });
  }

  function nearBottom() {
    return window.innerHeight + window.scrollY >= document.body.scrollHeight - 160;
  }

  function markRead() {
    if (!conversationId || document.visibilityState !== 'visible') { return; }
    var headers = {};
    if (csrfHeader && csrfToken) { headers[csrfHeader] = csrfToken; }
    fetch('/conversations/' + encodeURIComponent(conversationId) + '/read',
      { method: 'POST', headers: headers, credentials: 'same-origin' });
  }

  /** Appends the messages after the last one shown, as the server renders them. */
  function refreshMessages() {
    if (!messages || !window.htmx) { return Promise.resolve(); }
    var items = messages.querySelectorAll('li[data-id]');
    var last = items.length ? items[items.length - 1].getAttribute('data-id') : null;
    var url = '/conversations/' + encodeURIComponent(conversationId) + '/messages' +
      (last ? '?after=' + encodeURIComponent(last) : '');
    var stick = nearBottom();
    var before = items.length;
    return window.htmx.ajax('GET', url, { target: messages, swap: 'beforeend' }).then(function () {
      var empty = document.querySelector('main .empty');
      if (empty && messages.querySelector('li[data-id]')) { empty.hidden = true; }
      if (messages.querySelectorAll('li[data-id]').length > before) {
        if (stick) { window.scrollTo(0, document.body.scrollHeight); }
        markRead();
      }
    });
  }

  /** Replaces one message that changed (held, released, rejected, retracted). */
  function refreshMessage(id) {
    var el = document.getElementById('m-' + id);
    if (!el) { return refreshMessages(); }
    return window.htmx.ajax('GET', '/conversations/' + encodeURIComponent(conversationId) + '/messages/' +
      encodeURIComponent(id), { target: el, swap: 'outerHTML' });
  }

  var refreshTimer = null;
  var pending = {};

  /**
   * Asks the live parts of the page to reload themselves (at most every half second): those marked
   * data-live-refresh="any" on any event, those marked "conversation" when this conversation changed.
   */
  function refreshParts(kind) {
    pending[kind] = true;
    if (refreshTimer) { return; }
    refreshTimer = setTimeout(function () {
      var kinds = pending;
      pending = {};
      refreshTimer = null;
      document.querySelectorAll('[data-live-refresh]').forEach(function (el) {
        var wants = el.getAttribute('data-live-refresh');
        if (kinds[wants] || (wants === 'any' && Object.keys(kinds).length > 0)) {
          window.htmx.trigger(el, 'parley-refresh');
        }
      });
    }, 500);
  }

  function onEvent(event) {
    var data = event.data || {};
    if (event.type === 'conversation.updated') {
      refreshParts(data.id === conversationId ? 'conversation' : 'any');
      return;
    }
    refreshParts('any');
    if (!conversationId || data.conversationId !== conversationId) { return; }
    if (event.type === 'message.created') {
      enqueue(refreshMessages);
    } else if (event.type === 'message.updated' && typeof data.id === 'string') {
      enqueue(function () { return refreshMessage(data.id); });
    }
  }

  var liveStatus = document.getElementById('live-status');

  function showLive(on) {
    if (!liveStatus) { return; }
    liveStatus.hidden = false;
    liveStatus.textContent = body.getAttribute(on ? 'data-text-live' : 'data-text-offline') || '';
    liveStatus.classList.toggle('offline', !on);
  }

  var attempts = 0;
  var everConnected = false;

  function connect() {
    var headers = {};
    if (csrfHeader && csrfToken) { headers[csrfHeader] = csrfToken; }
    fetch('/session/socket-token', { method: 'POST', headers: headers, credentials: 'same-origin' })
      .then(function (r) {
        if (r.status === 401 || r.status === 403) { throw new Error('signed out'); }
        if (!r.ok) { throw new Error('no token'); }
        return r.json();
      })
      .then(function (t) {
        var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
        var ws = new WebSocket(scheme + location.host + '/ws?access_token=' + encodeURIComponent(t.token));
        ws.onopen = function () {
          attempts = 0;
          showLive(true);
          if (everConnected) {
            enqueue(refreshMessages);
            refreshParts('any');
            refreshParts('conversation');
          }
          everConnected = true;
        };
        ws.onmessage = function (m) {
          try { onEvent(JSON.parse(m.data)); } catch (ignored) { /* not an event */ }
        };
        ws.onclose = function () { showLive(false); retry(); };
      })
      .catch(function (e) {
        showLive(false);
        if (e && e.message === 'signed out') { return; }
        retry();
      });
  }

  function retry() {
    attempts += 1;
    setTimeout(connect, Math.min(30000, 500 * Math.pow(2, Math.min(attempts, 6))));
  }

  // ------------------------------------------------------------------ compose: quick replies and shortcuts

  function insert(textarea, text, from, to) {
    var start = from === undefined ? textarea.selectionStart : from;
    var end = to === undefined ? textarea.selectionEnd : to;
    textarea.setRangeText(text, start, end, 'end');
    textarea.focus();
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function quickReplies(form) {
    return Array.prototype.slice.call(form.querySelectorAll('button.qr'));
  }

  document.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('button.qr') : null;
    if (!button) { return; }
    var form = button.closest('form');
    var textarea = form ? form.querySelector('textarea[name="text"]') : null;
    if (textarea) { insert(textarea, button.getAttribute('data-qr-text') || ''); }
  });

  document.addEventListener('keydown', function (e) {
    var textarea = e.target;
    if (!textarea || textarea.tagName !== 'TEXTAREA' || !textarea.form || textarea.form.id !== 'compose') { return; }
    var form = textarea.form;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.requestSubmit();
      return;
    }
    if (e.altKey && /^Digit[1-9]$/.test(e.code)) {
      var pick = quickReplies(form)[Number(e.code.slice(5)) - 1];
      if (pick) {
        e.preventDefault();
        insert(textarea, pick.getAttribute('data-qr-text') || '');
      }
      return;
    }
    if (e.key === 'Tab' && !e.shiftKey && textarea.selectionStart === textarea.selectionEnd) {
      var upTo = textarea.value.slice(0, textarea.selectionStart);
      var match = /(^|\s)\/([\p{L}\p{N}_-]{1,32})$/u.exec(upTo);
      if (!match) { return; }
      var found = quickReplies(form).filter(function (b) {
        return b.getAttribute('data-qr-shortcut') === match[2];
      })[0];
      if (found) {
        e.preventDefault();
        var from = textarea.selectionStart - match[2].length - 1;
        insert(textarea, found.getAttribute('data-qr-text') || '', from, textarea.selectionStart);
      }
    }
  });

  document.addEventListener('htmx:afterSwap', function (e) {
    var target = e.detail && e.detail.target;
    if (target && target.id === 'compose') {
      var fresh = document.getElementById('compose-text');
      if (fresh) { fresh.focus(); }
    }
  });

  document.addEventListener('htmx:afterSettle', function (e) {
    localTimes(e.detail && e.detail.elt ? e.detail.elt.parentNode || document : document);
    tick();
  });

  document.body.addEventListener('parley:messages', function () {
    enqueue(refreshMessages);
  });

  document.addEventListener('visibilitychange', markRead);

  // ------------------------------------------------------------------ start

  localTimes(document);
  tick();
  setInterval(tick, 1000);
  if (messages) { window.scrollTo(0, document.body.scrollHeight); }
  if (body.getAttribute('data-signed-in') === 'true' &&
      (messages || document.querySelector('[data-live-refresh]'))) {
    connect();
  }
})();
