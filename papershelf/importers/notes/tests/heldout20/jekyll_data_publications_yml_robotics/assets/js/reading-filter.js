// Tag filter for the reading-group page: click a tag chip to show only sessions with that tag.
document.addEventListener("DOMContentLoaded", () => {
  const chips = document.querySelectorAll(".rg-tag-chip");
  const items = document.querySelectorAll(".rg-item");
  chips.forEach((chip) =>
    chip.addEventListener("click", () => {
      const tag = chip.dataset.tag;
      const on = !chip.classList.contains("active");
      chips.forEach((c) => c.classList.remove("active"));
      if (on) chip.classList.add("active");
      items.forEach((it) => {
        const tags = (it.dataset.tags || "").split(" ");
        it.style.display = !on || tags.includes(tag) ? "" : "none";
      });
    })
  );
});
