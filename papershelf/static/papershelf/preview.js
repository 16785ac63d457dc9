// Live preview for the summary editor: POST the Markdown (with the CSRF token) to the
// same renderer the server uses on save, debounced, and typeset math in the result.
(function () {
  const preview = document.getElementById("preview");
  const input = document.querySelector("textarea[name=body]");
  if (!preview || !input) return;
  const token = document.querySelector("input[name=csrfmiddlewaretoken]").value;
  let timer = null;
  let sent = 0;

  async function refresh() {
    const ticket = ++sent;
    const body = new URLSearchParams({ body: input.value });
    const response = await fetch(preview.dataset.previewUrl, {
      method: "POST",
      headers: { "X-CSRFToken": token },
      body,
      credentials: "same-origin",
    });
    if (!response.ok || ticket !== sent) return; // a newer request is on its way
    preview.innerHTML = await response.text();
    if (window.papershelfRenderMath) window.papershelfRenderMath(preview);
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  });
  refresh();
})();
