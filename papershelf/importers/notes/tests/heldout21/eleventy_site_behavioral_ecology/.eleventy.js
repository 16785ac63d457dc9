const fs = require("fs");
const { DateTime } = require("luxon");
const markdownIt = require("markdown-it");
const markdownItAnchor = require("markdown-it-anchor");
const markdownItFootnote = require("markdown-it-footnote");
const texmath = require("markdown-it-texmath");
const katex = require("katex");
const pluginRss = require("@11ty/eleventy-plugin-rss");
const pluginSyntaxHighlight = require("@11ty/eleventy-plugin-syntaxhighlight");

const { Cite } = require("@citation-js/core");
require("@citation-js/plugin-bibtex");
require("@citation-js/plugin-csl");

// ---- bibliography ---------------------------------------------------------
// Zotero (Better BibTeX) auto-exports to bib/references.bib
const BIB = new Cite(fs.readFileSync("bib/references.bib", "utf8"));
const byKey = Object.fromEntries(BIB.data.map((entry) => [entry["citation-key"] || entry.id, entry]));

function shortRef(entry) {
  const authors = entry.author || [];
  const year = entry.issued && entry.issued["date-parts"] ? entry.issued["date-parts"][0][0] : "n.d.";
  let who = authors.length ? authors[0].family : entry.title;
  if (authors.length === 2) who += ` & ${authors[1].family}`;
  if (authors.length > 2) who += " et al.";
  return `${who} ${year}`;
}

module.exports = function (eleventyConfig) {
  eleventyConfig.addPlugin(pluginRss);
  eleventyConfig.addPlugin(pluginSyntaxHighlight);

  eleventyConfig.addPassthroughCopy("src/assets");
  eleventyConfig.addWatchTarget("bib/");

  eleventyConfig.addLayoutAlias("post", "layouts/post.njk");
  eleventyConfig.addLayoutAlias("page", "layouts/page.njk");

  // ---- filters -------------------------------------------------------------
  eleventyConfig.addFilter("readableDate", (dateObj) =>
    DateTime.fromJSDate(dateObj, { zone: "utc" }).toFormat("d LLLL yyyy")
  );
  eleventyConfig.addFilter("htmlDateString", (dateObj) =>
    DateTime.fromJSDate(dateObj, { zone: "utc" }).toFormat("yyyy-LL-dd")
  );
  eleventyConfig.addFilter("filterTagList", (tags) =>
    (tags || []).filter((tag) => ["all", "nav", "post", "posts"].indexOf(tag) === -1)
  );
  eleventyConfig.addFilter("byStatus", (items, status) => items.filter((i) => i.status === status));
  // Get the first `n` elements of a collection (negative n = last n)
  eleventyConfig.addFilter("head", (array, n) => {
    if (!Array.isArray(array) || array.length === 0) return [];
    return n < 0 ? array.slice(n) : array.slice(0, n);
  });

  // ---- shortcodes ----------------------------------------------------------
  // {% cite "key" %} / {% cite "key", "p. 131" %}
  eleventyConfig.addShortcode("cite", function (key, locator) {
    const entry = byKey[key];
    if (!entry) {
      console.warn(`[cite] unknown key "${key}" in ${this.page.inputPath}`);
      return `<span class="cite cite-missing">[${key}?]</span>`;
    }
    this.page.citations = this.page.citations || new Set();
    this.page.citations.add(key);
    const href = entry.DOI ? `https://doi.org/${entry.DOI}` : entry.URL || `#ref-${key}`;
    const text = shortRef(entry) + (locator ? `, ${locator}` : "");
    return `<a class="cite" href="${href}" title="${(entry.title || "").replace(/"/g, "&quot;")}">(${text})</a>`;
  });

  eleventyConfig.addShortcode("bibliography", function () {
    const keys = [...(this.page.citations || [])];
    if (!keys.length) return "";
    const html = new Cite(keys.map((k) => byKey[k])).format("bibliography", {
      format: "html",
      template: "apa",
      lang: "en-GB",
    });
    return `<section class="references"><h2>References</h2>${html}</section>`;
  });

  // {% figure "/assets/img/x.jpg", "caption *md*", "alt" %}
  eleventyConfig.addShortcode("figure", function (src, caption, alt) {
    const md = markdownIt({ html: true });
    return `<figure><img src="${src}" alt="${alt || ""}" loading="lazy"><figcaption>${md.renderInline(caption || "")}</figcaption></figure>`;
  });

  eleventyConfig.addShortcode("year", () => `${new Date().getFullYear()}`);

  // ---- collections ---------------------------------------------------------
  eleventyConfig.addCollection("tagList", function (collection) {
    const tagSet = new Set();
    collection.getAll().forEach((item) => (item.data.tags || []).forEach((tag) => tagSet.add(tag)));
    return [...tagSet].filter((t) => !["all", "posts", "post"].includes(t)).sort();
  });

  // ---- markdown ------------------------------------------------------------
  const md = markdownIt({ html: true, breaks: false, linkify: true, typographer: true })
    .use(markdownItAnchor, { permalink: markdownItAnchor.permalink.headerLink() })
    .use(markdownItFootnote)
    .use(texmath, { engine: katex, delimiters: "dollars" });
  eleventyConfig.setLibrary("md", md);

  return {
    templateFormats: ["md", "njk", "html"],
    markdownTemplateEngine: "njk",
    htmlTemplateEngine: "njk",
    dataTemplateEngine: false,
    dir: {
      input: "src",
      includes: "_includes",
      data: "_data",
      output: "_site",
    },
  };
};
