// Campaign pages (J1): "select all" for the members' bulk status. The members tab is loaded by htmx, so the
// handler listens on the document.
document.addEventListener('change', function (event) {
    var all = event.target.closest('[data-select-all]');
    if (!all) {
        return;
    }
    document.querySelectorAll('input.' + all.getAttribute('data-select-all')).forEach(function (box) {
        box.checked = all.checked;
    });
});
