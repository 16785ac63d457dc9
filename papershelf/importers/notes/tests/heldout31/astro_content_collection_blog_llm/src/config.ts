import type { Site, SocialObjects } from "./types";

export const SITE: Site = {
  website: "https://inescarvalho.dev/", // replace this with your deployed domain
  author: "Inês Carvalho",
  desc: "Notes on LLM papers, inference tricks, and things I got wrong about transformers.",
  title: "tokens & tangents",
  ogImage: "astropaper-og.jpg",
  lightAndDarkMode: true,
  postPerIndex: 4,
  postPerPage: 6,
  scheduledPostMargin: 15 * 60 * 1000, // 15 minutes
};

export const LOCALE = {
  lang: "en", // html lang code. Set this empty and default will be "en"
  langTag: ["en-GB"], // BCP 47 Language Tags. Set this empty [] to use the environment default
} as const;

export const LOGO_IMAGE = {
  enable: false,
  svg: true,
  width: 216,
  height: 46,
};

export const SOCIALS: SocialObjects = [
  {
    name: "Github",
    href: "https://github.com/inescarvalho",
    linkTitle: ` ${SITE.title} on Github`,
    active: true,
  },
  {
    name: "Mastodon",
    href: "https://sigmoid.social/@ines",
    linkTitle: `${SITE.title} on Mastodon`,
    active: true,
  },
  {
    name: "Twitter",
    href: "https://twitter.com/",
    linkTitle: `${SITE.title} on Twitter`,
    active: false,
  },
  {
    name: "LinkedIn",
    href: "https://www.linkedin.com/in/",
    linkTitle: `${SITE.title} on LinkedIn`,
    active: true,
  },
  {
    name: "Mail",
    href: "mailto:hi@inescarvalho.dev",
    linkTitle: `Send an email to ${SITE.title}`,
    active: true,
  },
];
