// Page behaviour that would otherwise be inline script (the Content-Security-Policy forbids inline script).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// <form data-confirm="…"> and <button data-confirm="…"> ask before submitting. Stopping the event as well keeps htmx
// (hx-post forms) from sending the request, since htmx does not look at defaultPrevented.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var message = form.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
    event.stopPropagation();
  }
}, true);

// Select elements marked data-autosubmit submit their form when changed (list filters).
document.addEventListener('change', function (event) {
  var target = event.target;
  if (target.matches && target.matches('[data-autosubmit]') && target.form) {
    target.form.requestSubmit();
  }
});

// <button data-copy-target="id"> copies the text of the element with that id (a new API token, say) and says so.
document.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('[data-copy-target]') : null;
  if (!button) {
    return;
  }
  var source = document.getElementById(button.getAttribute('data-copy-target'));
  if (!source || !navigator.clipboard) {
    return;
  }
  navigator.clipboard.writeText(source.textContent.trim()).then(function () {
    var label = button.getAttribute('data-copied-label');
    if (label) {
      button.textContent = label;
    }
  });
});

// <input type="file" data-max-bytes="…" data-too-large-message="…"> refuses a file that is too large before it is
// uploaded; the server checks again and answers 413.
document.addEventListener('change', function (event) {
  var input = event.target;
  if (!input.matches || !input.matches('input[type=file][data-max-bytes]')) {
    return;
  }
  var max = Number(input.getAttribute('data-max-bytes'));
  var tooLarge = Array.prototype.some.call(input.files || [], function (file) { return file.size > max; });
  input.setCustomValidity(tooLarge ? input.getAttribute('data-too-large-message') : '');
  if (tooLarge) {
    input.reportValidity();
  }
});

// A link to a record page with the id of one of its tabs (#contacts, after adding a contact) opens that tab.
(function () {
  var hash = window.location.hash;
  if (!hash || !/^#[A-Za-z][\w-]*$/.test(hash) || !window.bootstrap) {
    return;
  }
  var tab = document.querySelector('[data-bs-toggle="tab"][data-bs-target="' + hash + '"]');
  if (tab) {
    window.bootstrap.Tab.getOrCreateInstance(tab).show();
  }
})();

// Calendar (D5): drag a task ([data-task-drag]) onto a day or hour cell ([data-drop-date], [data-drop-hour]) to
// reschedule it. The move carries the version the page showed; a conflict (409) is shown instead of moving.
(function () {
  var dragged = null;
  document.addEventListener('dragstart', function (event) {
    var card = event.target.closest ? event.target.closest('[data-task-drag]') : null;
    if (!card) {
      return;
    }
    dragged = card;
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', card.getAttribute('data-task-drag'));
  });
  document.addEventListener('dragover', function (event) {
    var cell = dragged && event.target.closest ? event.target.closest('[data-drop-date]') : null;
    if (cell) {
      event.preventDefault();
      cell.classList.add('calendar-drop-over');
    }
  });
  document.addEventListener('dragleave', function (event) {
    var cell = event.target.closest ? event.target.closest('[data-drop-date]') : null;
    if (cell) {
      cell.classList.remove('calendar-drop-over');
    }
  });
  document.addEventListener('drop', function (event) {
    var cell = dragged && event.target.closest ? event.target.closest('[data-drop-date]') : null;
    if (!cell) {
      return;
    }
    event.preventDefault();
    cell.classList.remove('calendar-drop-over');
    var card = dragged;
    dragged = null;
    var body = new URLSearchParams();
    body.set('date', cell.getAttribute('data-drop-date'));
    if (cell.hasAttribute('data-drop-hour')) {
      body.set('hour', cell.getAttribute('data-drop-hour'));
    }
    body.set('version', card.getAttribute('data-task-version'));
    var headers = {'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'text/plain'};
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      headers[header.content] = token.content;
    }
    fetch(card.getAttribute('data-move-url'), {method: 'POST', headers: headers, body: body, credentials: 'same-origin'})
      .then(function (response) {
        return response.text().then(function (text) {
          if (response.ok) {
            window.location.reload();
            return;
          }
          var box = document.querySelector('[data-calendar-message]');
          if (box) {
            box.textContent = text;
            box.classList.remove('d-none');
          }
        });
      });
  });
})();
