/* School Support Exchange: GOV.UK Frontend's components, and the school picker's autocomplete. Every page works without it. */
(function () {
  'use strict';
  var body = document.body;
  body.classList.add('js-enabled');
  if ('noModule' in HTMLScriptElement.prototype) {
    body.classList.add('govuk-frontend-supported');
  }
  if (window.GOVUKFrontend && window.GOVUKFrontend.isSupported()) {
    window.GOVUKFrontend.initAll();
  }

  function escape(text) {
    return String(text == null ? '' : text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // The school picker: names as spoken, URNs and postcodes, suggested while typing; choosing one opens its page.
  var picker = document.querySelector('[data-school-picker]');
  if (picker && window.accessibleAutocomplete) {
    var input = picker.querySelector('input');
    var source = picker.getAttribute('data-school-picker');
    var wrapper = document.createElement('div');
    input.parentNode.replaceChild(wrapper, input);
    var pending = null;
    window.accessibleAutocomplete({
      element: wrapper,
      id: input.id,
      name: input.name,
      defaultValue: input.value,
      minLength: 2,
      showNoOptionsFound: true,
      tNoResults: function () { return 'No schools found: press Enter to search'; },
      source: function (query, populate) {
        if (pending) { pending.abort(); }
        pending = new AbortController();
        fetch(source + encodeURIComponent(query), { headers: { Accept: 'application/json' }, signal: pending.signal, credentials: 'same-origin' })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(populate)
          .catch(function () { /* a newer query is on its way */ });
      },
      templates: {
        inputValue: function (s) { return s ? s.name : ''; },
        suggestion: function (s) {
          return s ? escape(s.name) + '<span class="govuk-visually-hidden">,</span> <span class="sse-meta">' + escape(s.place) + '</span>' : '';
        }
      },
      onConfirm: function (s) { if (s && s.href) { window.location.assign(s.href); } }
    });
    // ARIA 1.2: a combobox names the listbox it controls (the component says so with aria-owns only)
    var combobox = document.getElementById(input.id);
    if (combobox) {
      combobox.setAttribute('aria-controls', input.id + '__listbox');
    }
  }
})();

// The register import: the file goes from the browser straight to the import's presigned upload, with its progress;
// then the import's page, which updates itself while the import runs.
(function () {
  'use strict';
  var upload = document.querySelector('[data-register-upload]');
  if (upload) {
    var button = upload.querySelector('#upload');
    var input = upload.querySelector('#file');
    var progress = upload.querySelector('#progress');
    button.addEventListener('click', function () {
      var file = input.files && input.files[0];
      if (!file) {
        progress.textContent = 'Choose the register file first.';
        return;
      }
      button.disabled = true;
      var xhr = new XMLHttpRequest();
      xhr.open('PUT', upload.getAttribute('data-register-upload'));
      xhr.setRequestHeader('Content-Type', upload.getAttribute('data-content-type'));
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          progress.textContent = 'Uploading: ' + Math.floor(100 * e.loaded / e.total) + '%';
        }
      });
      xhr.addEventListener('load', function () {
        if (xhr.status >= 200 && xhr.status < 300) {
          progress.textContent = 'Uploaded. The import is starting.';
          window.location.assign(upload.getAttribute('data-then'));
        } else {
          progress.textContent = 'The file could not be uploaded (' + xhr.status + '). Start another import and try again.';
          button.disabled = false;
        }
      });
      xhr.addEventListener('error', function () {
        progress.textContent = 'The file could not be uploaded. Check your connection and try again.';
        button.disabled = false;
      });
      xhr.send(file);
    });
  }
  var refresh = document.querySelector('[data-refresh]');
  if (refresh) {
    window.setTimeout(function () { window.location.reload(); }, 1000 * Number(refresh.getAttribute('data-refresh')));
  }
})();

// The broker's search for more support: the GET form works alone; with scripts its results follow the typing.
(function () {
  'use strict';
  var form = document.querySelector('form[data-live-search]');
  if (!form || !window.fetch || !window.DOMParser) {
    return;
  }
  var input = form.querySelector('input[type=search]');
  var target = document.getElementById(form.getAttribute('data-live-search'));
  var timer = null;
  var asked = 0;
  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    var find = input.value.trim();
    if (find.length < 3) {
      return;
    }
    timer = window.setTimeout(function () {
      var mine = ++asked;
      var url = form.getAttribute('action').split('#')[0] + '?find=' + encodeURIComponent(find);
      window.fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.text() : null; }).then(function (html) {
        if (html === null || mine !== asked) {
          return;
        }
        var found = new window.DOMParser().parseFromString(html, 'text/html').getElementById(target.id);
        if (found) {
          target.innerHTML = found.innerHTML;
        }
      });
    }, 300);
  });
})();
