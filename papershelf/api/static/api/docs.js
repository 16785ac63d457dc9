// Lists the API's operations from its OpenAPI schema, and lets a reader try the GET ones.
// Our own few lines rather than Swagger UI from a CDN: the CSP allows scripts from 'self'.
(function () {
  "use strict";
  const root = document.getElementById("api-docs");
  if (!root) return;

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function tryIt(path, op, section) {
    const params = (op.parameters || []).filter((p) => p.in === "query" || p.in === "path");
    const form = el("form");
    params.forEach((p) => {
      const label = el("label", p.name + (p.required ? " *" : "") + " ");
      const input = el("input");
      input.name = p.name;
      input.dataset.in = p.in;
      label.appendChild(input);
      form.appendChild(label);
    });
    const button = el("button", "Try it");
    button.type = "submit";
    form.appendChild(button);
    const out = el("pre");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      let url = "/api/v1" + path;
      const query = new URLSearchParams();
      form.querySelectorAll("input").forEach((input) => {
        if (!input.value) return;
        if (input.dataset.in === "path") url = url.replace("{" + input.name + "}", encodeURIComponent(input.value));
        else query.set(input.name, input.value);
      });
      const response = await fetch(url + (query.toString() ? "?" + query : ""));
      const text = await response.text();
      out.textContent = response.status + "\n" + text.slice(0, 20000);
    });
    section.appendChild(form);
    section.appendChild(out);
  }

  fetch(root.dataset.schema)
    .then((response) => response.json())
    .then((schema) => {
      root.textContent = "";
      Object.entries(schema.paths).forEach(([path, operations]) => {
        Object.entries(operations).forEach(([method, op]) => {
          const section = el("section", "", "api-operation");
          const title = el("h3");
          title.appendChild(el("code", method.toUpperCase() + " /api/v1" + path));
          section.appendChild(title);
          if (op.summary) section.appendChild(el("p", op.summary));
          if (op.security) section.appendChild(el("p", "Needs a token that may write.", "muted"));
          const params = (op.parameters || []).map((p) => p.name + " (" + p.in + ")");
          if (params.length) section.appendChild(el("p", "Parameters: " + params.join(", "), "muted"));
          if (method === "get") tryIt(path, op, section);
          root.appendChild(section);
        });
      });
    })
    .catch((error) => { root.textContent = "Could not load the schema: " + error; });
})();
