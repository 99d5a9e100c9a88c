/*
 * Small progressive enhancements; every page works without them.
 * - Step 1: fills in the local time, time zone and browser when those fields are empty on a fresh page (the browser
 *   only for a browser or app, not for the OpenAI API).
 * - Step 2: shows the incident advice as soon as "incident for this component" is chosen.
 * - Uploads: files are sent as soon as they are chosen, with XMLHttpRequest for a progress bar (bytes and percent,
 *   announced every tenth), then the page the server answered is shown with the focus on the file just added, at
 *   the top of the window. A file over
 *   the per-file limit the page states is refused at once with its reason and never sent; the others still go.
 * - Reporter page: a button that copies the private link; step 4 of the API path: one per capture command.
 * - Moves focus to an error summary or a message, so screen readers announce it.
 */
(function () {
  'use strict';

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function localDateTime(d) {
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' + pad(d.getMinutes());
  }

  /*
   * Only a fresh page is filled in: a page the server sent back with errors holds the reporter's own answers, an
   * empty field included, and "now" put over a time they left empty (or typed in a form the field could not take)
   * would be stored as when it failed. The browser's user agent describes a browser, not an API client: it is not
   * put in for the OpenAI API, and taken out again if that is chosen while it is still the untouched value.
   */
  function prefill(root) {
    var fresh = !root.querySelector('.error-summary');
    var when = root.querySelector('#occurredAt');
    if (fresh && when && !when.value && when.type === 'datetime-local') { when.value = localDateTime(new Date()); }
    var zone = root.querySelector('#timeZone');
    if (fresh && zone && !zone.value && window.Intl && Intl.DateTimeFormat) {
      try { zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { /* leave it to the reporter */ }
    }
    var env = root.querySelector('#environment');
    var agent = navigator.userAgent;
    if (!env || !agent) { return; }
    function apiChosen() {
      var chosen = root.querySelector('input[name=product]:checked');
      return chosen && chosen.value === 'OPENAI_API';
    }
    function fitEnvironment() {
      if (apiChosen()) {
        if (env.value === agent) { env.value = ''; }
      } else if (!env.value) {
        env.value = agent;
      }
    }
    if (fresh) { fitEnvironment(); }
    root.querySelectorAll('input[name=product]').forEach(function (radio) {
      radio.addEventListener('change', fitEnvironment);
    });
  }

  function adviceToggle(root) {
    var advice = root.querySelector('[data-advice-for]');
    if (!advice) { return; }
    var form = advice.closest('form');
    var seen = form.querySelector('[data-advice-shown]');
    form.addEventListener('change', function (e) {
      if (e.target.name !== 'statusPage') { return; }
      var show = e.target.value === advice.getAttribute('data-advice-for');
      advice.hidden = !show;
      if (show && seen) { seen.value = 'true'; }
    });
  }

  /* Selects what a Copy button copies: a field's value, or the text of an element (a command to copy). */
  function selectAll(source) {
    if (typeof source.select === 'function') { source.focus(); source.select(); return; }
    var range = document.createRange();
    range.selectNodeContents(source);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copyButtons(root) {
    root.querySelectorAll('[data-copy]').forEach(function (button) {
      var source = document.getElementById(button.getAttribute('data-copy'));
      var box = button.closest('.field, .snippet');
      var status = box ? box.querySelector('[data-copy-status]') : null;
      if (!source) { return; }
      button.hidden = false;
      button.addEventListener('click', function () {
        var text = typeof source.value === 'string' ? source.value : source.textContent;
        function done(ok) {
          if (status) { status.textContent = button.getAttribute(ok ? 'data-copied' : 'data-failed'); }
          if (!ok) { selectAll(source); }
        }
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
        } else {
          selectAll(source);
          var ok = false;
          try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
          done(ok);
        }
      });
    });
  }

  /* Focuses an element and brings its top to the top of the window (focus alone may leave a tall one half in view). */
  function focusTop(target) {
    if (!target.hasAttribute('tabindex')) { target.setAttribute('tabindex', '-1'); }
    try { target.focus({ preventScroll: true }); } catch (e) { target.focus(); }
    if (target.scrollIntoView) { target.scrollIntoView({ block: 'start' }); }
  }

  function focusMessage(root) {
    var target = root.querySelector('.error-summary') || root.querySelector('[role=alert][data-focus]')
      || root.querySelector('.attachment[data-focus]');
    if (target) { focusTop(target); }
  }

  /* Choosing files sends them at once (the page says so); without the script the Add button does it. */
  function autoUpload(root) {
    root.querySelectorAll('form[data-upload]').forEach(function (form) {
      var hint = form.querySelector('[data-auto-upload-hint]');
      if (!form.requestSubmit) { return; }
      if (hint) { hint.hidden = false; }
      form.querySelectorAll('input[type=file]').forEach(function (input) {
        input.addEventListener('change', function () {
          if (!input.files || input.files.length === 0) { return; }
          if (refuseOversized(form) && acceptedFiles(form).length === 0) {
            focusRefused(document);
            return; // nothing left to send
          }
          var button = form.querySelector('[data-upload-button]');
          if (button) { form.requestSubmit(button); } else { form.requestSubmit(); }
        });
      });
    });
  }

  /* Files refused for their size, said until a page has shown them after the upload that followed. */
  var refused = [];

  function uploadLimit(form) {
    var box = form.querySelector('[data-max-file-size]');
    var max = box ? Number(box.getAttribute('data-max-file-size')) : 0;
    return max > 0 ? { max: max, text: box.getAttribute('data-max-file-size-text'),
      template: box.getAttribute('data-too-large') } : null;
  }

  /* The chosen files within the limit, each with the name of its input. */
  function acceptedFiles(form) {
    var limit = uploadLimit(form);
    var files = [];
    form.querySelectorAll('input[type=file]').forEach(function (input) {
      Array.prototype.forEach.call(input.files || [], function (f) {
        if (!limit || f.size <= limit.max) { files.push({ name: input.name, file: f }); }
      });
    });
    return files;
  }

  /* Takes the files over the limit out of their inputs and says why; true when there were any. */
  function refuseOversized(form) {
    var limit = uploadLimit(form);
    if (!limit) { return false; }
    var any = false;
    form.querySelectorAll('input[type=file]').forEach(function (input) {
      var keep = [];
      var dropped = false;
      Array.prototype.forEach.call(input.files || [], function (f) {
        if (f.size > limit.max) {
          var reason = fill(limit.template, [f.name, limit.text, sizeText(f.size)]);
          if (refused.indexOf(reason) < 0) { refused.push(reason); }
          dropped = true;
        } else {
          keep.push(f);
        }
      });
      if (dropped) {
        any = true;
        try {
          var left = new DataTransfer();
          keep.forEach(function (f) { left.items.add(f); });
          input.files = left.files;
        } catch (e) {
          // no DataTransfer: the files stay chosen, and the upload leaves them out
        }
      }
    });
    if (any) { showRefused(document); }
    return any;
  }

  /* Lists the refused files in the page's box for them, or at the top of a page that has none. */
  function showRefused(doc) {
    if (refused.length === 0) { return; }
    var box = doc.querySelector('[data-upload-refused]');
    var main = doc.querySelector('main');
    if (!box && main) {
      box = doc.createElement('div');
      box.className = 'notice notice-error upload-refused';
      box.setAttribute('role', 'alert');
      box.setAttribute('tabindex', '-1');
      box.setAttribute('data-upload-refused', '');
      box.appendChild(doc.createElement('ul'));
      main.insertBefore(box, main.firstChild);
    }
    if (!box) { return; }
    var list = box.querySelector('ul');
    list.textContent = '';
    refused.forEach(function (reason) {
      var item = doc.createElement('li');
      item.textContent = reason;
      list.appendChild(item);
    });
    box.hidden = false;
  }

  function focusRefused(doc) {
    var box = doc.querySelector('[data-upload-refused]');
    if (box && !box.hidden) { box.focus(); }
  }

  function init(root) {
    prefill(root);
    adviceToggle(root);
    copyButtons(root);
    autoUpload(root);
    focusMessage(root);
  }

  /* "1.2 MB", "512 MB": the server's words for a size in a rejection. */
  function sizeText(bytes) {
    var mb = bytes / 1048576;
    return (mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)) + ' MB';
  }

  function megabytes(bytes) {
    var mb = bytes / 1048576;
    return (mb < 10 ? mb.toFixed(1) : Math.round(mb)) + ' MB';
  }

  function fill(template, values) {
    return template.replace(/\{(\d)\}/g, function (m, i) { return values[+i]; });
  }


  /* Shows the page the server answered with (after its redirect), as a normal form post would have. */
  function showPage(html, url) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    document.title = doc.title;
    document.body.replaceWith(document.adoptNode(doc.body));
    if (url && url !== window.location.href) { history.pushState(null, '', url); }
    shownPage = window.location.pathname + window.location.search;
    init(document);
    showRefused(document);
    refused = [];
    var hash = url && url.indexOf('#') >= 0 ? url.substring(url.indexOf('#') + 1) : null;
    var anchor = hash && document.getElementById(hash);
    if (!document.querySelector('.error-summary, [role=alert][data-focus]') && anchor) { focusTop(anchor); }
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.hasAttribute('data-upload') || !window.FormData || !window.DOMParser) {
      return; // the usual form post; the server refuses what is too large
    }
    refuseOversized(form);
    var accepted = acceptedFiles(form);
    if (accepted.length === 0 && refused.length === 0) {
      return; // nothing to upload: the usual form post
    }
    // posted here even with no file left, so the page that comes back still says what was not sent
    e.preventDefault();
    var data = new FormData(form);
    form.querySelectorAll('input[type=file]').forEach(function (input) { if (input.name) { data.delete(input.name); } });
    accepted.forEach(function (a) { data.append(a.name, a.file, a.file.name); });
    var submitter = e.submitter;
    if (submitter && submitter.name) { data.append(submitter.name, submitter.value); }
    if (form.getAttribute('data-uploading')) {
      return; // one upload at a time: a second choice waits for the page the first one brings back
    }
    form.setAttribute('data-uploading', 'true');
    var box = form.querySelector('[data-upload-progress]');
    var bar = box.querySelector('progress');
    var status = box.querySelector('[data-upload-status]');
    var buttons = form.ownerDocument.querySelectorAll('button[type=submit]');
    var inputs = form.querySelectorAll('input[type=file]');
    box.hidden = false;
    bar.value = 0;
    buttons.forEach(function (b) { b.disabled = true; });
    inputs.forEach(function (i) { i.disabled = true; });

    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    var announced = -1;
    xhr.upload.addEventListener('progress', function (ev) {
      if (ev.lengthComputable) {
        var percent = Math.floor(100 * ev.loaded / ev.total);
        bar.max = ev.total;
        bar.value = ev.loaded;
        bar.textContent = percent + '%';
        if (Math.floor(percent / 10) !== announced) {
          // a live region read out at every event would never stop talking: once every tenth
          announced = Math.floor(percent / 10);
          status.textContent = fill(status.getAttribute('data-sent'), [megabytes(ev.loaded), megabytes(ev.total), percent]);
        }
      }
    });
    xhr.upload.addEventListener('load', function () {
      bar.value = bar.max;
      status.textContent = status.getAttribute('data-analyzing');
    });
    xhr.addEventListener('load', function () {
      if ((xhr.getResponseHeader('Content-Type') || '').indexOf('text/html') === 0) {
        showPage(xhr.responseText, xhr.responseURL);
      } else {
        window.location.assign(xhr.responseURL || form.action);
      }
    });
    xhr.addEventListener('error', function () {
      status.textContent = status.getAttribute('data-failed');
      form.removeAttribute('data-uploading');
      buttons.forEach(function (b) { b.disabled = false; });
      inputs.forEach(function (i) { i.disabled = false; });
    });
    xhr.send(data);
  });

  // Back or forward over a page shown by showPage loads that address; a link to a part of this page (#id) also
  // fires popstate, and must not reload it (the ticket page's contents lead to its parts so).
  var shownPage = window.location.pathname + window.location.search;
  window.addEventListener('popstate', function () {
    if (window.location.pathname + window.location.search !== shownPage) { window.location.reload(); }
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { init(document); });
  } else {
    init(document);
  }
})();
