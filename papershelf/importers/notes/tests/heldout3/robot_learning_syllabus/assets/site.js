// highlight the current week row
document.addEventListener("DOMContentLoaded", () => {
  const rows = document.querySelectorAll("table.schedule tbody tr");
  rows.forEach((r) => r.addEventListener("click", () => r.classList.toggle("sel")));
});
