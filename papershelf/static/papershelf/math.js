// Typeset the math that papershelf/lib/markdown.py leaves as escaped TeX source in
// .math-inline and .math-display elements. Load vendor/katex/<version>/katex.min.js
// (and its katex.min.css) before this file.
//
// A live preview calls window.papershelfRenderMath(previewElement) after each update.
(function () {
  "use strict";

  var SELECTOR = ".math-inline, .math-display";

  function mathElements(root) {
    var found = Array.prototype.slice.call(root.querySelectorAll(SELECTOR));
    if (root.matches && root.matches(SELECTOR)) found.unshift(root);
    return found;
  }

  function renderMath(root) {
    // Without KaTeX the TeX source stays on the page, which is still readable.
    if (!window.katex) return;
    mathElements(root || document).forEach(function (element) {
      // Typeset once: afterwards textContent is KaTeX's output, no longer the TeX.
      if (element.hasAttribute("data-tex")) return;
      var tex = element.textContent;
      element.setAttribute("data-tex", tex);
      try {
        window.katex.render(tex, element, {
          displayMode: element.classList.contains("math-display"),
          throwOnError: false, // bad TeX shows in red instead of stopping the page
          trust: false, // no \href, \url or \html* commands from users' math
          maxSize: 20, // caps \rule{500em}{500em} and the like: math cannot cover the page
        });
      } catch (error) {
        element.textContent = tex;
        console.error("KaTeX could not render", tex, error);
      }
    });
  }

  window.papershelfRenderMath = renderMath;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      renderMath(document);
    });
  } else {
    renderMath(document);
  }
})();
