// The paper page's "Add to": once a list is chosen, the section menu offers only that
// list's sections (the page sends every list's, grouped, so the form works without
// this script), and disappears for a list without sections.
(function () {
  "use strict";

  function setup(form) {
    const lists = form.querySelector("select[name=reading_list]");
    const sections = form.querySelector("select[name=section]");
    if (!lists || !sections) return;
    const field = sections.closest(".section-field");
    const end = sections.querySelector("option[value='']");
    const groups = new Map();
    sections.querySelectorAll("optgroup[data-list]").forEach((group) => {
      groups.set(group.dataset.list, group);
    });

    function offerSectionsOfChosenList() {
      const group = groups.get(lists.value);
      sections.replaceChildren(end, ...(group ? [group] : []));
      sections.value = "";
      field.hidden = !group;
    }

    lists.addEventListener("change", offerSectionsOfChosenList);
    offerSectionsOfChosenList();
  }

  document.querySelectorAll("form.add-to-list").forEach(setup);
})();
