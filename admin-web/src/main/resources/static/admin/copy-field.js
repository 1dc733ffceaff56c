// Adds a Copy button after every read-only field that offers one (data-copy-label).
// Without JavaScript the field stays selectable, so it can still be copied by hand.
(function () {
  'use strict';

  function copy(field) {
    field.focus();
    field.select();
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value);
    }
    return document.execCommand('copy') ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }

  document.querySelectorAll('input[data-copy-label]').forEach(function (field) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'primary';
    button.textContent = field.getAttribute('data-copy-label');
    button.addEventListener('click', function () {
      copy(field).then(function () {
        button.textContent = field.getAttribute('data-copied-label') || button.textContent;
      }, function () {
        field.select();
      });
    });
    field.insertAdjacentElement('afterend', button);
  });
})();
