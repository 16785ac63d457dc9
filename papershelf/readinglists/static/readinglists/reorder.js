// The reading-list editor: reorder rows without reloading the page.
//
// - Drag a row by its handle (native drag events with a mouse, pointer events with a
//   finger or pen); a section moves with everything under it: its papers and deeper
//   sections, up to the next heading as shallow as it.
// - Keyboard: focus a handle, Space or Enter picks the row (or section) up, the arrow
//   keys move it a row at a time, Space or Enter drops it, Escape puts it back.
// - The ↑/↓ buttons move one row, as their forms do without this script.
// Every change is saved by POSTing the whole order (with the CSRF token) and announced
// in a live region; a refused save (the list changed elsewhere) asks for a reload.
(function () {
  "use strict";

  const list = document.querySelector("ol.edit-items[data-reorder-url]");
  if (!list) return;
  const status = document.querySelector(".reorder-status");
  const problem = document.querySelector(".reorder-error");
  const token = document.querySelector("input[name=csrfmiddlewaretoken]").value;

  const rows = () => Array.from(list.querySelectorAll(":scope > li[data-item]"));
  const depth = (row) => Number(row.dataset.depth || 0); // 0: a paper
  const label = (row) => row.dataset.label;

  function announce(text) {
    status.textContent = text;
  }

  function where(row) {
    const all = rows();
    return `position ${all.indexOf(row) + 1} of ${all.length}`;
  }

  // A paper alone; a section with the rows under it.
  function block(row) {
    const moving = [row];
    if (!depth(row)) return moving;
    for (let next = row.nextElementSibling; next; next = next.nextElementSibling) {
      if (depth(next) && depth(next) <= depth(row)) break;
      moving.push(next);
    }
    return moving;
  }

  function place(moving, before) {
    if (before && moving.includes(before)) return;
    moving.forEach((row) => list.insertBefore(row, before));
    indent();
  }

  // Papers sit under the section before them: show it by indenting them as deep.
  function indent() {
    let level = 0;
    rows().forEach((row) => {
      if (depth(row)) level = depth(row);
      row.style.setProperty("--level", String(depth(row) ? depth(row) - 1 : level));
    });
  }

  let saving = Promise.resolve();
  function save() {
    const body = new URLSearchParams();
    rows().forEach((row) => body.append("order", row.dataset.item));
    // One save after another, so that an older order never lands after a newer one.
    saving = saving.then(async () => {
      try {
        const response = await fetch(list.dataset.reorderUrl, {
          method: "POST",
          headers: { "X-CSRFToken": token, Accept: "application/json" },
          body,
          credentials: "same-origin",
        });
        const json = (response.headers.get("Content-Type") || "").includes("json");
        if (!response.ok || !json) throw new Error(`answered ${response.status}`);
        problem.hidden = true;
      } catch (error) {
        problem.textContent = "The new order could not be saved. Reload the page to see the list as it is saved, then try again.";
        problem.hidden = false;
      }
    });
    return saving;
  }

  // --- ↑/↓: one row, like the forms they replace ----------------------------------------
  list.addEventListener("submit", (event) => {
    const direction = event.target.querySelector("input[name=direction]");
    if (!direction) return; // Save and remove post as usual
    event.preventDefault();
    const button = event.submitter || event.target.querySelector("button");
    const row = event.target.closest("li[data-item]");
    const up = direction.value === "up";
    const neighbour = up ? row.previousElementSibling : row.nextElementSibling;
    if (!neighbour) {
      announce(`${label(row)} is already ${up ? "first" : "last"}.`);
      return;
    }
    place([row], up ? neighbour : neighbour.nextElementSibling);
    button.focus(); // moving the row took the focus away from it
    announce(`${label(row)} moved ${up ? "up" : "down"}, ${where(row)}.`);
    save();
  });

  // --- Drag and drop ------------------------------------------------------------------
  let dragged = null; // the rows being dragged
  let target = null; // the row the drop goes before; null: the end
  let finger = null; // the pointerId of a touch or pen dragging, if any
  const EDGE = 48; // px from the top or bottom of the screen where a finger scrolls the page

  function clearMarks() {
    list.querySelectorAll(".drop-before, .drop-after").forEach((row) => {
      row.classList.remove("drop-before", "drop-after");
    });
  }

  function startDrag(row) {
    dragged = block(row);
    dragged.forEach((each) => each.classList.add("dragging"));
    announce(`Dragging ${label(row)}${dragged.length > 1 ? ` with ${dragged.length - 1} rows under it` : ""}.`);
  }

  // Mark where a drop at this height over this row would go; false: not a place to drop.
  function aim(over, clientY) {
    clearMarks();
    if (!over || dragged.includes(over)) return false;
    const box = over.getBoundingClientRect();
    const after = clientY > box.top + box.height / 2;
    over.classList.add(after ? "drop-after" : "drop-before");
    target = after ? over.nextElementSibling : over;
    return true;
  }

  function drop() {
    const moved = dragged[0];
    place(dragged, target);
    announce(`${label(moved)} dropped, ${where(moved)}.`);
    save();
  }

  function endDrag() {
    clearMarks();
    rows().forEach((row) => row.classList.remove("dragging"));
    dragged = null;
    target = null;
  }

  // Only the handle is draggable (a span: Firefox drags no buttons), so text in the
  // row's inputs can still be selected; the picture dragged is the whole row.
  list.addEventListener("dragstart", (event) => {
    const handle = event.target.closest && event.target.closest(".drag-handle");
    if (!handle || finger !== null) {
      if (handle) event.preventDefault(); // a finger is dragging it already (below)
      return;
    }
    const row = handle.closest("li[data-item]");
    startDrag(row);
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setDragImage(row, 12, 12);
    event.dataTransfer.setData("text/plain", label(row)); // Firefox drags nothing without data
  });

  list.addEventListener("dragover", (event) => {
    if (!dragged || finger !== null) return;
    if (aim(event.target.closest("li[data-item]"), event.clientY)) {
      event.preventDefault(); // this row takes the drop
    }
  });

  list.addEventListener("drop", (event) => {
    if (!dragged || finger !== null) return;
    event.preventDefault();
    drop();
  });

  list.addEventListener("dragend", () => {
    if (finger === null) endDrag();
  });

  // --- Touch: the same drag with a finger or a pen --------------------------------------
  // Phones start no native drag from a touch (or only after a long press, and then
  // scroll the page instead): follow the pointer from the handle (`touch-action: none`
  // in the stylesheet keeps the page still), scrolling when it nears an edge.

  list.addEventListener("pointerdown", (event) => {
    if (event.pointerType === "mouse" || finger !== null) return; // the mouse drags natively
    const handle = event.target.closest(".drag-handle");
    if (!handle) return;
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    finger = event.pointerId;
    startDrag(handle.closest("li[data-item]"));
    target = undefined; // lifted before moving: nothing moves
  });

  list.addEventListener("pointermove", (event) => {
    if (event.pointerId !== finger) return;
    event.preventDefault();
    if (event.clientY < EDGE) window.scrollBy(0, -12);
    else if (event.clientY > window.innerHeight - EDGE) window.scrollBy(0, 12);
    const under = document.elementFromPoint(event.clientX, event.clientY);
    if (!aim(under && under.closest("ol.edit-items > li[data-item]"), event.clientY)) {
      target = undefined; // over nothing that takes a drop: lifting the finger moves nothing
    }
  });

  function lift(event) {
    if (event.pointerId !== finger) return;
    if (event.type === "pointerup" && target !== undefined) {
      drop();
    } else {
      announce(`Move cancelled: ${label(dragged[0])} is back at ${where(dragged[0])}.`);
    }
    finger = null;
    endDrag();
  }
  list.addEventListener("pointerup", lift);
  list.addEventListener("pointercancel", lift);

  // --- Keyboard: pick up, move, drop ---------------------------------------------------
  let held = null; // { rows, handle, home } while a row is picked up

  function pickUp(handle) {
    const row = handle.closest("li");
    const moving = block(row);
    held = { rows: moving, handle, home: moving[moving.length - 1].nextElementSibling };
    handle.setAttribute("aria-pressed", "true");
    moving.forEach((each) => each.classList.add("dragging"));
    const under = moving.length > 1 ? ` with ${moving.length - 1} rows under it` : "";
    announce(`${label(row)} picked up${under}, ${where(row)}. Arrow keys move it, Space drops it, Escape cancels.`);
  }

  function putDown(cancelled) {
    const { rows: moving, handle, home } = held;
    if (cancelled) place(moving, home);
    moving.forEach((each) => each.classList.remove("dragging"));
    handle.setAttribute("aria-pressed", "false");
    handle.focus();
    held = null;
    if (cancelled) {
      announce(`Move cancelled: ${label(moving[0])} is back at ${where(moving[0])}.`);
    } else {
      announce(`${label(moving[0])} dropped, ${where(moving[0])}.`);
      save();
    }
  }

  function step(up) {
    const moving = held.rows;
    const first = moving[0];
    const last = moving[moving.length - 1];
    const neighbour = up ? first.previousElementSibling : last.nextElementSibling;
    if (!neighbour) {
      announce(`${label(first)} is already ${up ? "first" : "last"}.`);
      return;
    }
    place(moving, up ? neighbour : neighbour.nextElementSibling);
    held.handle.focus();
    announce(`${label(first)}, ${where(first)}.`);
  }

  list.addEventListener("keydown", (event) => {
    const handle = event.target.closest(".drag-handle");
    if (!handle) return;
    if (event.key === " " || event.key === "Enter") {
      event.preventDefault();
      if (held && held.handle === handle) putDown(false);
      else {
        if (held) putDown(false);
        pickUp(handle);
      }
    } else if (held && held.handle === handle && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      event.preventDefault();
      step(event.key === "ArrowUp");
    } else if (held && held.handle === handle && event.key === "Escape") {
      event.preventDefault();
      putDown(true);
    }
  });

  // Drag and pick-up need this script: show their handles and instructions only with it.
  list.querySelectorAll(".drag-handle").forEach((handle) => { handle.hidden = false; });
  document.getElementById("reorder-help").hidden = false;
  list.classList.add("sortable");
  indent();
})();
