// The header's menus: on a wide screen the main menu stays open (its links sit in one
// row) and the account menu is a drop-down; on a phone the main menu is a "Menu" button
// and the account links are listed inside it. <details data-open-when="wide|narrow">.
(function () {
  "use strict";

  var wide = window.matchMedia("(min-width: 60rem)");

  function arrange() {
    document.querySelectorAll("details[data-open-when]").forEach(function (details) {
      var when = details.getAttribute("data-open-when");
      details.open = (when === "wide") === wide.matches;
    });
  }

  function closeDropDowns(except) {
    if (!wide.matches) return;
    document.querySelectorAll("details.user-menu[open]").forEach(function (details) {
      if (details !== except) details.open = false;
    });
  }

  document.documentElement.classList.add("js");
  arrange();
  wide.addEventListener("change", arrange);
  document.addEventListener("click", function (event) {
    closeDropDowns(event.target.closest && event.target.closest("details.user-menu"));
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeDropDowns(null);
  });
})();
