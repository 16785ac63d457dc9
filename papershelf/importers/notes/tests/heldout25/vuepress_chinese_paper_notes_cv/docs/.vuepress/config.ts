import { defineUserConfig } from "vuepress";
import { viteBundler } from "@vuepress/bundler-vite";

import theme from "./theme.js";

export default defineUserConfig({
  base: "/paper-notes/",

  lang: "zh-CN",
  title: "小陈的论文笔记",
  description: "CV 方向论文阅读记录：检测 / 分割 / 自监督 / Backbone",

  head: [
    ["link", { rel: "icon", href: "/paper-notes/logo.svg" }],
  ],

  bundler: viteBundler(),

  theme,

  // 和 PWA 一起启用
  // shouldPrefetch: false,
});
