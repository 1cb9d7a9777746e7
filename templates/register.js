// Filters the register's rows by committee, item subject and status; without it, every row shows.
(function () {
  var form = document.getElementById('filters');
  var committee = document.getElementById('filter-committee');
  var subject = document.getElementById('filter-subject');
  var status = document.getElementById('filter-status');
  var shown = document.getElementById('shown');
  var rows = Array.prototype.slice.call(document.querySelectorAll('table.decisions tbody tr'));
  function apply() {
    var c = committee.value, s = status.value, q = subject.value.trim().toLowerCase(), n = 0;
    rows.forEach(function (row) {
      var match = (!c || row.dataset.committee === c) && (!s || row.dataset.status === s) && (!q || row.dataset.subjects.indexOf(q) !== -1);
      row.hidden = !match;
      if (match) n++;
    });
    shown.textContent = n === rows.length ? 'All ' + n + ' decisions shown.' : n + ' of ' + rows.length + ' decisions shown.';
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  form.hidden = false;
  apply();
})();
