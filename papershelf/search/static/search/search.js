// Search (issue 5): type-ahead in the nav box and instant results on /search.
// No framework: a debounced fetch, the server's own HTML or JSON, arrow keys and Enter.
(function () {
  "use strict";

  function debounce(fn, ms) {
    let timer = null;
    return function (...args) { clearTimeout(timer); timer = setTimeout(() => fn.apply(this, args), ms); };
  }

  // Up/Down move an "active" marker through items; Enter follows it.
  function keyboardList(input, items, onEnter) {
    let active = -1;
    function show() {
      items().forEach((el, i) => el.classList.toggle("active", i === active));
      const el = items()[active];
      if (el) el.scrollIntoView({ block: "nearest" });
    }
    input.addEventListener("keydown", (event) => {
      const count = items().length;
      if (event.key === "ArrowDown" && count) { active = Math.min(active + 1, count - 1); show(); event.preventDefault(); }
      else if (event.key === "ArrowUp" && count) { active = Math.max(active - 1, -1); show(); event.preventDefault(); }
      else if (event.key === "Enter" && active >= 0 && items()[active]) { event.preventDefault(); onEnter(items()[active]); }
    });
    return { reset() { active = -1; } };
  }

  function fetcher() {
    let controller = null;
    return function (url) {
      if (controller) controller.abort();  // a slower, older answer never overwrites a newer one
      controller = new AbortController();
      return fetch(url, { signal: controller.signal, headers: { Accept: "application/json, text/html" } });
    };
  }

  function setupTypeahead(form) {
    const input = form.querySelector("input[name=q]");
    const list = document.createElement("ul");
    list.className = "typeahead";
    list.hidden = true;
    list.setAttribute("role", "listbox");
    form.appendChild(list);
    const get = fetcher();
    const nav = keyboardList(input, () => Array.from(list.querySelectorAll("li")), (li) => {
      window.location.href = li.querySelector("a").href;
    });
    const update = debounce(async () => {
      const q = input.value.trim();
      if (q.length < 2) { list.hidden = true; return; }
      try {
        const response = await get(form.dataset.typeahead + "?q=" + encodeURIComponent(q));
        const data = await response.json();
        list.replaceChildren(...data.suggestions.map((s) => {
          const li = document.createElement("li");
          li.setAttribute("role", "option");
          const a = document.createElement("a");
          a.href = s.url;
          a.textContent = s.title;
          const meta = document.createElement("small");
          meta.textContent = [s.authors, s.venue, s.year].filter(Boolean).join(" · ");
          a.appendChild(meta);
          li.appendChild(a);
          return li;
        }));
        nav.reset();
        list.hidden = data.suggestions.length === 0;
      } catch (error) { if (error.name !== "AbortError") list.hidden = true; }
    }, 120);
    input.addEventListener("input", update);
    input.addEventListener("keydown", (event) => { if (event.key === "Escape") list.hidden = true; });
    input.addEventListener("blur", () => setTimeout(() => { list.hidden = true; }, 150));
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
