/*
 * The staff pages' small enhancements; every page works without them.
 * - Copy buttons: <button data-copy="#selector"> copies the text of that element (or the value of an input) and
 *   says so ("Copied", from data-copied). The buttons are hidden in the HTML and shown here, so nobody sees a
 *   button that cannot work.
 * - "Back to the queue" leads to the queue with the search and filters the agent left it with.
 * - Moves focus to a message the page opened with (also when it is inside the section the page opened at), so
 *   screen readers announce it and it is in view.
 * - The ticket page's contents: a link followed also takes the focus to its part (the link alone only scrolls
 *   there in some browsers, and the next Tab started again at the top of the page).
 * - Beside each time in UTC (a <time datetime>), the agent's own local time.
 * - Keeps the internal note being typed for this tab (session storage, by ticket reference) until it is saved:
 *   a session that ends meanwhile loses the note's POST, and the box has the text back after signing in again.
 *
 * triage.js (the report form's script) runs on these pages too and has copy buttons of its own, which name an
 * input by id (data-copy="private-link"). The staff buttons sit in a ".field" with a
 * [data-copy-status] so it does not fail on them, and the click is taken here, in the capture phase, before its
 * handler (which has no input to copy from) can see it.
 */
(function () {
  'use strict';

  function textOf(target) {
    if (target.value !== undefined && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) {
      return target.value;
    }
    return target.textContent;
  }

  function selectContents(target) {
    var range = document.createRange();
    range.selectNodeContents(target);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copied(button, ok) {
    var status = button.parentNode.querySelector('[data-copy-status]');
    var word = ok ? (button.getAttribute('data-copied') || 'Copied') : (button.getAttribute('data-failed') || '');
    if (!button.hasAttribute('data-label')) {
      button.setAttribute('data-label', button.textContent);
    }
    if (ok) {
      button.textContent = word;
      button.classList.add('is-copied');
      window.setTimeout(function () {
        button.textContent = button.getAttribute('data-label');
        button.classList.remove('is-copied');
      }, 2000);
    }
    if (status) {
      status.textContent = word;
      window.setTimeout(function () { status.textContent = ''; }, 2000);
    }
  }

  function copy(button) {
    var target = document.querySelector(button.getAttribute('data-copy'));
    if (!target) { return; }
    var text = textOf(target);
    function fallback() {
      // without the clipboard API (a page not served over HTTPS): select the text and ask the browser to copy it
      selectContents(target);
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      copied(button, ok);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { copied(button, true); }, fallback);
    } else {
      fallback();
    }
  }

  function isStaffCopyButton(el) {
    var selector = el && el.getAttribute && el.getAttribute('data-copy');
    return selector && selector.charAt(0) === '#';
  }

  document.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('button[data-copy]') : null;
    if (!isStaffCopyButton(button)) { return; }
    e.preventDefault();
    e.stopPropagation();
    copy(button);
  }, true);

  var QUEUE_KEY = 'triage-desk.queue';

  /*
   * "Back to the queue" returns to the queue as the agent left it (search, filters, sort, page) rather than to its
   * first page: the queue page remembers its address for this tab, and the ticket page's link takes it.
   */
  function rememberQueue() {
    try {
      if (document.querySelector('.queue-page')) {
        sessionStorage.setItem(QUEUE_KEY, location.pathname + location.search);
      }
      var back = document.querySelector('a[data-queue-link]');
      var saved = sessionStorage.getItem(QUEUE_KEY);
      var queue = back && back.getAttribute('href');
      if (back && saved && (saved === queue || saved.indexOf(queue + '?') === 0)) {
        back.setAttribute('href', saved);
      }
    } catch (e) {
      // no session storage (disabled, or a private mode that refuses it): the link leads to the queue's first page
    }
  }

  var DRAFT_KEY = 'triage-desk.note-draft.';

  /*
   * The note box's text is kept as it is typed, under the ticket's reference. It is put back when the page comes
   * with an empty box (the server's own copy of a refused note wins), and dropped once the page says the note was
   * saved, or when the agent signs out (the next person at this browser need not see it).
   */
  function keepNoteDraft() {
    try {
      var form = document.getElementById('note-form');
      var box = form && form.querySelector('textarea[name=body]');
      if (box && form.getAttribute('data-draft-key')) {
        var key = DRAFT_KEY + form.getAttribute('data-draft-key');
        if (form.hasAttribute('data-note-saved')) {
          sessionStorage.removeItem(key);
        }
        var draft = sessionStorage.getItem(key);
        if (draft && !box.value) {
          box.value = draft;
          var restored = document.getElementById('note-restored');
          if (restored) { restored.hidden = false; }
        }
        box.addEventListener('input', function () {
          if (box.value.trim()) {
            sessionStorage.setItem(key, box.value);
          } else {
            sessionStorage.removeItem(key);
          }
        });
      }
      var signOut = document.querySelector('form.sign-out');
      if (signOut) {
        signOut.addEventListener('submit', function () {
          for (var i = sessionStorage.length - 1; i >= 0; i--) {
            var name = sessionStorage.key(i);
            if (name && name.indexOf(DRAFT_KEY) === 0) { sessionStorage.removeItem(name); }
          }
        });
      }
    } catch (e) {
      // no session storage: the box works as it always did, without keeping a draft
    }
  }

  function focusContentsTargets() {
    var links = document.querySelectorAll('nav.ticket-contents a[href^="#"]');
    function focusPart(hash) {
      var target = hash && document.getElementById(hash.substring(1));
      if (target && target.getAttribute('tabindex') === '-1') { target.focus(); }
    }
    // once the browser has followed the link (hashchange); a click on the link of the part already in the address
    // changes nothing, so the click focuses too
    window.addEventListener('hashchange', function () { focusPart(location.hash); });
    links.forEach(function (link) {
      link.addEventListener('click', function () {
        if (link.getAttribute('href') === location.hash) { focusPart(location.hash); }
      });
    });
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  /*
   * Staff pages give times in UTC (what support and server logs use). Each <time datetime> holding an instant gets
   * the agent's own time beside it, in the browser's zone ("Your time: 2026-01-07 13:23 Europe/Berlin"), to the
   * minute or the second as the UTC text is; nothing is added where the browser's clock is UTC at that moment, nor
   * to a time marked data-local="off".
   */
  function localTimes() {
    var main = document.getElementById('main');
    var label = main && main.getAttribute('data-local-time');
    if (!label) { return; }
    var zone = '';
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { zone = ''; }
    main.querySelectorAll('time[datetime]').forEach(function (time) {
      var iso = time.getAttribute('datetime');
      if (time.hasAttribute('data-local-added') || time.getAttribute('data-local') === 'off'
          || !/T\d\d:\d\d/.test(iso) || !/(Z|[+-]\d\d:?\d\d)$/.test(iso)) {
        return; // already done, not wanted (a capture's times come with the reporter's), or not an instant
      }
      var at = new Date(iso);
      if (isNaN(at.getTime()) || at.getTimezoneOffset() === 0) { return; }
      var seconds = /\d\d:\d\d:\d\d/.test(time.textContent);
      var text = at.getFullYear() + '-' + pad(at.getMonth() + 1) + '-' + pad(at.getDate()) + ' ' + pad(at.getHours())
        + ':' + pad(at.getMinutes()) + (seconds ? ':' + pad(at.getSeconds()) : '') + (zone ? ' ' + zone : '');
      var local = document.createElement('span');
      local.className = 'local-time';
      local.textContent = label.replace('{0}', text);
      time.setAttribute('data-local-added', '');
      time.parentNode.insertBefore(local, time.nextSibling);
    });
  }

  function init() {
    localTimes();
    rememberQueue();
    focusContentsTargets();
    keepNoteDraft();
    document.querySelectorAll('button[data-copy]').forEach(function (button) {
      if (isStaffCopyButton(button) && document.querySelector(button.getAttribute('data-copy'))) {
        button.hidden = false;
      }
    });
    var message = document.querySelector('main [role=alert][data-focus], main [role=status][data-focus]');
    // the page may have opened at the section the message is in (#workflow, #notes), which then has the focus
    var active = document.activeElement;
    if (message && (active === document.body || active === document.getElementById('main')
        || (active && active !== message && active.contains(message)))) {
      if (!message.hasAttribute('tabindex')) { message.setAttribute('tabindex', '-1'); }
      message.focus();
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
