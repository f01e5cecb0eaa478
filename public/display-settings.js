// Reader display settings (大字 / 高对比度), kept across pages in localStorage;
// and, on wider screens, the header menu, contents and document details opened
// (details[data-open-when-wide]: collapsed on phones, where the text comes first).
// Loaded in <head> as a plain, blocking script so a page never flashes in the
// wrong mode; it is a file, not inline code, as the Content-Security-Policy requires.
(function () {
  var KEYS = { 'large-text': 'display.largeText', 'high-contrast': 'display.highContrast' };
  var root = document.documentElement;
  // Pages that fill themselves in by script (the search page) reserve their room before the first paint.
  root.classList.add('scripted');
  function saved(key) {
    try {
      return localStorage.getItem(key) === '1';
    } catch (e) {
      return false;
    }
  }
  Object.keys(KEYS).forEach(function (mode) {
    if (saved(KEYS[mode])) root.classList.add(mode);
  });
  document.addEventListener('DOMContentLoaded', function () {
    var buttons = document.querySelectorAll('button[data-display-mode]');
    Array.prototype.forEach.call(buttons, function (button) {
      var mode = button.getAttribute('data-display-mode');
      button.hidden = false;
      button.setAttribute('aria-pressed', String(root.classList.contains(mode)));
      button.addEventListener('click', function () {
        var on = root.classList.toggle(mode);
        button.setAttribute('aria-pressed', String(on));
        try {
          localStorage.setItem(KEYS[mode], on ? '1' : '0');
        } catch (e) {
          /* private mode: the choice lasts for this page */
        }
      });
    });
    var group = document.querySelector('.display-settings');
    if (group) group.hidden = false;
    if (window.matchMedia && window.matchMedia('(min-width: 48em)').matches) {
      Array.prototype.forEach.call(document.querySelectorAll('details[data-open-when-wide]'), function (details) {
        details.open = true;
      });
    }
  });
})();
