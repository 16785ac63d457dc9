// page-level table of contents (from mdbook-pagetoc, lightly edited)
let tocClickLock = null;

function markActive(links, el) {
    links.forEach(function (l) { l.classList.remove("active"); });
    if (el) el.classList.add("active");
}

function ensureToc() {
    let toc = document.querySelector(".pagetoc");
    if (toc) return toc;
    const main = document.querySelector("#content > main");
    main.insertAdjacentHTML("afterbegin", '<div class="sidetoc"><nav class="pagetoc"></nav></div>');
    return document.querySelector(".pagetoc");
}

function onScroll() {
    if (tocClickLock) return;
    const headers = Array.from(document.getElementsByClassName("header"));
    const y = window.scrollY;
    let current = null;
    for (let i = headers.length - 1; i >= 0; i--) {
        if (y >= headers[i].offsetTop) { current = headers[i]; break; }
    }
    const links = Array.from(document.querySelector(".pagetoc").children);
    markActive(links, current ? links.find(function (l) { return l.href === current.href; }) : null);
}

window.addEventListener("load", function () {
    const toc = ensureToc();
    Array.from(document.getElementsByClassName("header")).forEach(function (h) {
        const parent = h.parentElement;
        if (parent.classList.contains("toc-ignore")) return;
        const a = document.createElement("a");
        a.textContent = h.text;
        a.href = h.href;
        a.className = "pagetoc-" + parent.tagName;
        toc.appendChild(a);
    });
    const links = Array.from(toc.children);
    links.forEach(function (l) {
        l.addEventListener("click", function () {
            clearTimeout(tocClickLock);
            markActive(links, l);
            tocClickLock = setTimeout(function () { tocClickLock = null; }, 120);
        });
    });
    onScroll();
    window.addEventListener("scroll", onScroll);
});
