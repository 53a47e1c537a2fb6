// Quote form (F5): "add line" copies the last line row with empty fields and the next index; "clear" empties a row
// (empty rows are ignored when the form is saved). Amounts are computed by the server when the form is saved.
(function () {
  'use strict';

  function renumber(row, index) {
    row.querySelectorAll('[name^="lines["]').forEach(function (field) {
      field.name = field.name.replace(/^lines\[\d+]/, 'lines[' + index + ']');
      if (field.id) {
        field.id = field.id.replace(/^lines\d+/, 'lines' + index);
      }
      if (field.hasAttribute('data-testid')) {
        field.setAttribute('data-testid', field.getAttribute('data-testid').replace(/^line-\d+/, 'line-' + index));
      }
    });
  }

  function clear(row) {
    row.querySelectorAll('input, select').forEach(function (field) {
      field.value = '';
      field.classList.remove('is-invalid');
    });
    row.querySelectorAll('.invalid-feedback').forEach(function (feedback) {
      feedback.remove();
    });
  }

  document.addEventListener('click', function (event) {
    var add = event.target.closest ? event.target.closest('[data-quote-line-add]') : null;
    if (add) {
      var body = document.getElementById('quote-line-rows');
      var rows = body.querySelectorAll('[data-quote-line]');
      if (rows.length === 0) {
        return;
      }
      var copy = rows[rows.length - 1].cloneNode(true);
      clear(copy);
      renumber(copy, rows.length);
      body.appendChild(copy);
      return;
    }
    var button = event.target.closest ? event.target.closest('[data-quote-line-clear]') : null;
    if (button) {
      clear(button.closest('[data-quote-line]'));
    }
  });
})();
