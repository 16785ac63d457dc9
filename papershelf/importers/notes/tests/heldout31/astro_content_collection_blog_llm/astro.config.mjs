import { defineConfig } from "astro/config";
import tailwind from "@astrojs/tailwind";
import react from "@astrojs/react";
import mdx from "@astrojs/mdx";
import remarkToc from "remark-toc";
import remarkCollapse from "remark-collapse";
import remarkMath from "remark-math";
import rehypeKatex from "rehype-katex";
import sitemap from "@astrojs/sitemap";
import { SITE } from "./src/config";

const markdownConfig = {
  remarkPlugins: [
    remarkMath,
    remarkToc,
    [
      remarkCollapse,
      {
        test: "Table of contents",
      },
    ],
  ],
  rehypePlugins: [rehypeKatex],
  shikiConfig: {
    // For more themes, visit https://shiki.style/themes
    themes: { light: "min-light", dark: "night-owl" },
    wrap: true,
  },
};

// https://astro.build/config
export default defineConfig({
  site: SITE.website,
  integrations: [
    tailwind({
      applyBaseStyles: false,
    }),
    react(),
    sitemap(),
    // MDX was added by me (not part of AstroPaper) so posts can use <Figure /> and <PaperCard />
    // extendMarkdownConfig is true by default, but being explicit because I lost an hour to this
    mdx({
      ...markdownConfig,
      extendMarkdownConfig: true,
    }),
  ],
  markdown: markdownConfig,
  vite: {
    optimizeDeps: {
      exclude: ["@resvg/resvg-js"],
    },
  },
  scopedStyleStrategy: "where",
  experimental: {
    contentCollectionCache: true,
  },
});
