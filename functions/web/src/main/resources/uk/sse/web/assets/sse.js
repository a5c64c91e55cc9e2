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
