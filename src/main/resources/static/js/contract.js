// Contract page: when a payment or instalment form comes back with errors, open the tab that holds it.
(function () {
  'use strict';
  function openTab() {
    var marker = document.querySelector('[data-open-tab]');
    if (!marker || !window.bootstrap) {
      return;
    }
    var target = '#' + marker.getAttribute('data-open-tab');
    var tab = document.querySelector('[data-bs-toggle="tab"][data-bs-target="' + target + '"]');
    if (tab) {
      window.bootstrap.Tab.getOrCreateInstance(tab).show();
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', openTab);
  } else {
    openTab();
  }
})();
