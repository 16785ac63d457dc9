// Search (issue 5): type-ahead in the nav box and instant results on /search.
// No framework: a debounced fetch, the server's own HTML or JSON, arrow keys and Enter.
(function () {
  "use strict";

  function debounce(fn, ms) {
    let timer = null;
    return function (...args) { clearTimeout(timer); timer = setTimeout(() => fn.apply(this, args), ms); };
  }

  // Up/Down move an "active" marker through items; Enter follows it. onActive(item or
  // null) hears each change (the type-ahead points aria-activedescendant at it).
  function keyboardList(input, items, onEnter, onActive) {
    let active = -1;
    function show() {
      items().forEach((el, i) => el.classList.toggle("active", i === active));
      const el = items()[active];
      if (el) el.scrollIntoView({ block: "nearest" });
      if (onActive) onActive(el || null);
    }
    input.addEventListener("keydown", (event) => {
      const count = items().length;
      if (event.key === "ArrowDown" && count) { active = Math.min(active + 1, count - 1); show(); event.preventDefault(); }
      else if (event.key === "ArrowUp" && count) { active = Math.max(active - 1, -1); show(); event.preventDefault(); }
      else if (event.key === "Enter" && active >= 0 && items()[active]) { event.preventDefault(); onEnter(items()[active]); }
    });
    return { reset() { active = -1; if (onActive) onActive(null); } };
  }

  function fetcher() {
    let controller = null;
    return function (url) {
      if (controller) controller.abort();  // a slower, older answer never overwrites a newer one
      controller = new AbortController();
      return fetch(url, { signal: controller.signal, headers: { Accept: "application/json, text/html" } });
    };
  }

  // The WAI-ARIA combobox pattern: the box is a combobox that controls a listbox of
  // options; the focus stays in the box while aria-activedescendant names the option
  // the arrow keys reached. Enter opens it, Escape closes the list and keeps the text.
  let typeaheads = 0;
  function setupTypeahead(form) {
    const input = form.querySelector("input[name=q]");
    const list = document.createElement("ul");
    list.id = `typeahead-${++typeaheads}`;
    list.className = "typeahead";
    list.hidden = true;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggested papers");
    form.appendChild(list);
    const status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    const options = () => (list.hidden ? [] : Array.from(list.querySelectorAll("li")));
    const get = fetcher();
    const nav = keyboardList(input, options, (li) => {
      window.location.href = li.querySelector("a").href;
    }, (li) => {
      list.querySelectorAll("li").forEach((each) => each.setAttribute("aria-selected", String(each === li)));
      if (li) input.setAttribute("aria-activedescendant", li.id);
      else input.removeAttribute("aria-activedescendant");
    });
    function open(shown) {
      if (!shown) nav.reset();
      list.hidden = !shown;
      input.setAttribute("aria-expanded", String(shown));
    }
    // Escape or a blur closes the list for what was typed so far: suggestions still on
    // their way for it must not open it again (a slow answer arrived after Escape).
    let closings = 0;
    const update = debounce(async () => {
      const q = input.value.trim();
      if (q.length < 2) { open(false); list.replaceChildren(); return; }
      const asked = closings;
      try {
        const response = await get(form.dataset.typeahead + "?q=" + encodeURIComponent(q));
        const data = await response.json();
        if (asked !== closings) return;
        list.replaceChildren(...data.suggestions.map((s, i) => {
          const li = document.createElement("li");
          li.id = `${list.id}-option-${i}`;
          li.setAttribute("role", "option");
          li.setAttribute("aria-selected", "false");
          const a = document.createElement("a");
          a.href = s.url;
          a.tabIndex = -1; // the box keeps the focus; the arrow keys reach the options
          a.textContent = s.title;
          const meta = document.createElement("small");
          meta.textContent = [s.authors, s.venue, s.year].filter(Boolean).join(" · ");
          a.appendChild(meta);
          li.appendChild(a);
          return li;
        }));
        nav.reset();
        open(data.suggestions.length > 0);
        const n = data.suggestions.length;
        status.textContent = n ? `${n} suggestion${n === 1 ? "" : "s"}: arrow keys to choose` : "No suggestions";
      } catch (error) { if (error.name !== "AbortError") open(false); }
    }, 120);
    input.addEventListener("input", update);
    input.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !list.hidden) {
        event.preventDefault(); // a search box would clear its text too
        closings += 1;
        open(false);
      } else if (event.key === "ArrowDown" && list.hidden && list.children.length) {
        open(true);
      }
    });
    input.addEventListener("blur", () => setTimeout(() => { closings += 1; open(false); }, 150));
  }

  function setupInstant(form) {
    const input = form.querySelector("input[name=q]");
    const target = document.getElementById("search-results");
    const get = fetcher();
    const hits = () => Array.from(target.querySelectorAll(".search-hit"));
    const nav = keyboardList(input, hits, (hit) => { window.location.href = hit.dataset.url; });
    const update = debounce(async () => {
      const params = new URLSearchParams(new FormData(form));
      history.replaceState(null, "", form.action + "?" + params);
      params.set("fragment", "1");
      try {
        const response = await get(form.action + "?" + params);
        target.innerHTML = await response.text();  // our own escaped, server-rendered HTML
        if (window.papershelfRenderMath) window.papershelfRenderMath(target);  // snippets' math
        nav.reset();
      } catch (error) { if (error.name !== "AbortError") throw error; }
    }, 200);
    input.addEventListener("input", update);
    form.querySelector("select").addEventListener("change", update);
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("form[data-typeahead]").forEach(setupTypeahead);
    document.querySelectorAll("form[data-instant]").forEach(setupInstant);
  });
})();
