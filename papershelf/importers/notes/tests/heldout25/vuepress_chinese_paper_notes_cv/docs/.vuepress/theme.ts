import { hopeTheme } from "vuepress-theme-hope";

import navbar from "./navbar.js";
import sidebar from "./sidebar.js";

export default hopeTheme({
  hostname: "https://chenxiaoyu-cv.github.io",

  author: {
    name: "小陈",
    url: "https://github.com/chenxiaoyu-cv",
  },

  iconAssets: "fontawesome-with-brands",

  logo: "/logo.svg",

  repo: "chenxiaoyu-cv/paper-notes",

  docsDir: "docs",

  // 导航栏
  navbar,

  // 侧边栏
  sidebar,

  // 页脚
  footer: "读论文，写笔记，然后忘掉",
  displayFooter: true,

  // 加密配置：周报不想公开
  encrypt: {
    config: {
      "/weekly/": ["zuhui2023"],
    },
  },

  // 多语言配置
  metaLocales: {
    editLink: "在 GitHub 上编辑此页",
  },

  blog: {
    description: "计算机视觉 · 研二 · 目标检测搬砖中",
    intro: "/about.html",
    medias: {
      GitHub: "https://github.com/chenxiaoyu-cv",
      Zhihu: "https://www.zhihu.com/people/xiaochen-cv",
      Email: "mailto:chenxy_cv@163.com",
    },
  },

  // 如果想要实时查看任何改变，启用它。注: 这对更新性能有很大负面影响
  // hotReload: true,

  plugins: {
    blog: true,

    // 评论先不开
    // comment: {
    //   provider: "Giscus",
    // },

    components: {
      components: ["Badge", "VPCard", "PDF"],
    },

    // 此处开启了很多功能用于演示，你应仅保留用到的功能。
    mdEnhance: {
      align: true,
      attrs: true,
      codetabs: true,
      component: true,
      figure: true,
      footnote: true,
      imgLazyload: true,
      imgSize: true,
      include: true,
      katex: true,
      mark: true,
      mermaid: true,
      revealJs: {
        plugins: ["highlight", "math", "search", "notes", "zoom"],
      },
      sub: true,
      sup: true,
      tabs: true,
      tasklist: true,
      vPre: true,
    },
  },
});
