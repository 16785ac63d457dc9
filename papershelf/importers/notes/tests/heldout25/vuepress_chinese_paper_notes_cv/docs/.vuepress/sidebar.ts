import { sidebar } from "vuepress-theme-hope";

export default sidebar({
  "/notes/": "structure",
  "/weekly/": "structure",
  "/tutorial/": "structure",
  "/": [
    "",
    {
      text: "论文笔记",
      icon: "book",
      prefix: "notes/",
      link: "notes/",
      children: "structure",
    },
    "reading-list",
    {
      text: "读书笔记",
      icon: "book-open",
      prefix: "books/",
      children: "structure",
    },
    "about",
  ],
});
