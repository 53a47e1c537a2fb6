// The pipeline board (F3): cards are dragged between stage columns and onto the Won / Lost zones with SortableJS.
// A drop posts the target and the version the card showed; the server applies the same rules as the form. On
// success the board is reloaded (totals, probabilities); on refusal the card goes back and the message is shown.
(function () {
  'use strict';

  function init() {
    var board = document.querySelector('[data-move-url]');
    if (!board || typeof Sortable === 'undefined') {
      return;
    }
    var message = document.querySelector('[data-board-message]');
    var modalElement = document.getElementById('board-loss-modal');
    var pending = null;

    function showMessage(text) {
      if (message) {
        message.textContent = text;
        message.classList.remove('d-none');
      }
    }

    function putBack(move) {
      var reference = move.from.children[move.oldIndex] || null;
      move.from.insertBefore(move.item, reference);
    }

    function post(move, extra) {
      var body = new URLSearchParams();
      body.set('id', move.item.getAttribute('data-id'));
      body.set('version', move.item.getAttribute('data-version'));
      body.set('target', move.to.getAttribute('data-target'));
      Object.keys(extra || {}).forEach(function (key) {
        if (extra[key]) {
          body.set(key, extra[key]);
        }
      });
      var headers = {'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'text/plain'};
      var token = document.querySelector('meta[name="_csrf"]');
      var header = document.querySelector('meta[name="_csrf_header"]');
      if (token && header) {
        headers[header.content] = token.content;
      }
      fetch(board.getAttribute('data-move-url'), {method: 'POST', headers: headers, body: body,
          credentials: 'same-origin'})
        .then(function (response) {
          return response.text().then(function (text) {
            if (response.ok) {
              window.location.reload();
              return;
            }
            putBack(move);
            showMessage(text || response.statusText);
          });
        })
        .catch(function () {
          putBack(move);
        });
    }

    document.querySelectorAll('[data-board-list]').forEach(function (list) {
      Sortable.create(list, {
        group: 'opportunity-board',
        animation: 150,
        forceFallback: true,
        draggable: '[data-board-card]',
        onEnd: function (event) {
          if (event.from === event.to) {
            return;
          }
          var move = {item: event.item, from: event.from, to: event.to, oldIndex: event.oldIndex};
          if (event.to.getAttribute('data-target') === 'LOST' && modalElement && window.bootstrap) {
            pending = move;
            window.bootstrap.Modal.getOrCreateInstance(modalElement).show();
            return;
          }
          post(move, {});
        }
      });
    });

    if (modalElement) {
      modalElement.addEventListener('hidden.bs.modal', function () {
        if (pending) {
          putBack(pending);
          pending = null;
        }
      });
      var confirm = modalElement.querySelector('[data-board-loss-confirm]');
      confirm.addEventListener('click', function () {
        var move = pending;
        pending = null;
        var reason = document.getElementById('board-loss-reason').value;
        var note = document.getElementById('board-loss-note').value;
        window.bootstrap.Modal.getOrCreateInstance(modalElement).hide();
        if (move) {
          post(move, {lossReasonId: reason, note: note});
        }
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  }
  else {
    init();
  }
})();
