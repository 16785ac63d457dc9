// @ts-check
// `@type` JSDoc annotations allow editor autocompletion and type checking
// (when paired with `@ts-check`).
// There are various equivalent ways to declare your Docusaurus config.
// See: https://docusaurus.io/docs/api/docusaurus-config

import {themes as prismThemes} from 'prism-react-renderer';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'RL, one paper at a time',
  tagline: 'My reading path through reinforcement learning — papers, notes, dead ends',
  favicon: 'img/favicon.ico',

  // Set the production url of your site here
  url: 'https://tvoss.github.io',
  // Set the /<baseUrl>/ pathname under which your site is served
  // For GitHub pages deployment, it is often '/<projectName>/'
  baseUrl: '/rl-reading-path/',

  // GitHub pages deployment config.
  // If you aren't using GitHub pages, you don't need these.
  organizationName: 'tvoss', // Usually your GitHub org/user name.
  projectName: 'rl-reading-path', // Usually your repo name.
  trailingSlash: false,

  onBrokenLinks: 'warn', // TODO: back to 'throw' once the old /docs/category links are gone
  onBrokenMarkdownLinks: 'warn',

  // Even if you don't use internationalization, you can use this field to set
  // useful metadata like html lang. For example, if your site is Chinese, you
  // may want to replace "en" with "zh-Hans".
  i18n: {
    defaultLocale: 'en',
    locales: ['en'],
  },

  presets: [
    [
      'classic',
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: {
          sidebarPath: './sidebars.js',
          routeBasePath: 'path',
          remarkPlugins: [remarkMath],
          rehypePlugins: [rehypeKatex],
          showLastUpdateTime: true,
          // Remove this to remove the "edit this page" links.
          editUrl: 'https://github.com/tvoss/rl-reading-path/tree/main/',
        },
        blog: {
          showReadingTime: true,
          blogSidebarTitle: 'All posts',
          remarkPlugins: [remarkMath],
          rehypePlugins: [rehypeKatex],
        },
        theme: {
          customCss: './src/css/custom.css',
        },
      }),
    ],
  ],

  stylesheets: [
    {
      href: 'https://cdn.jsdelivr.net/npm/katex@0.13.24/dist/katex.min.css',
      type: 'text/css',
      integrity:
        'sha384-odtC+0UGzzFL/6PNoE8rX/SPcQDXBJ+uRepguP4QkPCm2LBxH3FA3y+fKSiJ+AmM',
      crossorigin: 'anonymous',
    },
  ],

  themeConfig:
    /** @type {import('@docusaurus/preset-classic').ThemeConfig} */
    ({
      // Replace with your project's social card
      image: 'img/docusaurus-social-card.jpg',
      docs: {
        sidebar: {
          hideable: true,
        },
      },
      navbar: {
        title: 'RL reading path',
        logo: {
          alt: 'logo',
          src: 'img/logo.svg',
        },
        items: [
          {
            type: 'docSidebar',
            sidebarId: 'pathSidebar',
            position: 'left',
            label: 'The path',
          },
          {to: '/blog', label: 'Log', position: 'left'},
          {to: '/resources', label: 'Resources', position: 'left'},
          {
            href: 'https://github.com/tvoss/rl-reading-path',
            label: 'GitHub',
            position: 'right',
          },
        ],
      },
      footer: {
        style: 'dark',
        links: [
          {
            title: 'Path',
            items: [
              {
                label: 'Start here',
                to: '/path/',
              },
            ],
          },
          {
            title: 'Elsewhere',
            items: [
              {
                label: 'Sutton & Barto (free PDF)',
                href: 'http://incompleteideas.net/book/the-book-2nd.html',
              },
              {
                label: 'Spinning Up',
                href: 'https://spinningup.openai.com/',
              },
            ],
          },
          {
            title: 'More',
            items: [
              {
                label: 'Log',
                to: '/blog',
              },
              {
                label: 'GitHub',
                href: 'https://github.com/tvoss/rl-reading-path',
              },
            ],
          },
        ],
        copyright: `Copyright © ${new Date().getFullYear()} Theo Voss. Built with Docusaurus.`,
      },
      prism: {
        theme: prismThemes.github,
        darkTheme: prismThemes.dracula,
        additionalLanguages: ['bash'],
      },
    }),
};

export default config;
