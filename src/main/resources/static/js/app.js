// Page behaviour that would otherwise be inline script (the Content-Security-Policy forbids inline script).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// <form data-confirm="…"> and <button data-confirm="…"> ask before submitting.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var message = form.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
}, true);

// Select elements marked data-autosubmit submit their form when changed (list filters).
document.addEventListener('change', function (event) {
  var target = event.target;
  if (target.matches && target.matches('[data-autosubmit]') && target.form) {
    target.form.requestSubmit();
  }
});
