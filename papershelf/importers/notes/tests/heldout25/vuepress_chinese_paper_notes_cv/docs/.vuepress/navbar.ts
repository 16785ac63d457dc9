import { navbar } from "vuepress-theme-hope";

export default navbar([
  "/",
  {
    text: "论文笔记",
    icon: "book",
    prefix: "/notes/",
    children: [
      { text: "Backbone", icon: "layer-group", link: "backbone/" },
      { text: "目标检测", icon: "crosshairs", link: "detection/" },
      { text: "自监督", icon: "shuffle", link: "self-supervised/" },
      { text: "分割", icon: "puzzle-piece", link: "segmentation/" },
    ],
  },
  { text: "待读", icon: "list-check", link: "/reading-list.html" },
  { text: "周报", icon: "calendar", link: "/weekly/" },
  { text: "教程", icon: "screwdriver-wrench", link: "/tutorial/" },
  { text: "关于", icon: "circle-info", link: "/about.html" },
]);
