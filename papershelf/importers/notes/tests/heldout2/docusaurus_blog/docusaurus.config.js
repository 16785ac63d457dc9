// @ts-check
/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'Tokens & Flops',
  tagline: 'Notes on papers about training big models',
  url: 'https://tokens-and-flops.dev',
  baseUrl: '/',
  presets: [
    [
      'classic',
      {
        docs: { sidebarPath: require.resolve('./sidebars.js') },
        blog: { showReadingTime: true, blogSidebarCount: 'ALL', postsPerPage: 5 },
        theme: { customCss: require.resolve('./src/css/custom.css') },
      },
    ],
  ],
  markdown: { mermaid: true },
};
module.exports = config;
