/* course site helpers: highlight current week, collapse past weeks */
document.addEventListener("DOMContentLoaded", function () {
  var today = new Date();
  document.querySelectorAll("h3[data-week-start]").forEach(function (h) {
    if (new Date(h.dataset.weekStart) <= today) { h.classList.add("past"); }
  });
});
