// Asks before a form marked with data-confirm is sent, such as deleting a FAQ entry or a deadline.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form instanceof HTMLFormElement ? form.getAttribute('data-confirm') : null;
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
})();
