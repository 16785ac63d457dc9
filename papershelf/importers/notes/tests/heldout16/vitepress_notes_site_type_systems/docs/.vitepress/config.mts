import { defineConfig } from 'vitepress'

// https://vitepress.dev/reference/site-config
export default defineConfig({
  title: "Type systems reading notes",
  description: "Notes on classic and recent papers in type systems",
  base: '/pl-notes/',
  cleanUrls: true,
  lastUpdated: true,
  srcExclude: ['drafts/**', 'README.md'],
  markdown: {
    math: true,
    lineNumbers: false
  },
  themeConfig: {
    nav: [
      { text: 'Home', link: '/' },
      { text: 'Papers', link: '/papers/hindley-1969' },
      { text: 'To read', link: '/to-read' },
      { text: 'Glossary', link: '/glossary' }
    ],

    sidebar: [
      {
        text: 'Type inference',
        items: [
          { text: 'Hindley 1969', link: '/papers/hindley-1969' },
          { text: 'Milner 1978', link: '/papers/milner-1978' },
          { text: "Damas–Milner '82", link: '/papers/damas-milner-1982' },
          { text: 'Local type inference', link: '/papers/pierce-turner-2000' },
          { text: 'Bidirectional typing (survey)', link: '/papers/dunfield-krishnaswami-bidirectional' }
        ]
      },
      {
        text: 'Polymorphism & parametricity',
        items: [
          { text: 'Reynolds 1983', link: '/papers/reynolds-1983' },
          { text: 'Theorems for free!', link: '/papers/wadler-1989-theorems-for-free' },
          { text: 'Type classes', link: '/papers/wadler-blott-1989' }
        ]
      },
      {
        text: 'Semantics & soundness',
        items: [
          { text: 'Moggi — monads', link: '/papers/moggi-1991' },
          { text: 'Syntactic type soundness', link: '/papers/wright-felleisen-1994' }
        ]
      },
      {
        text: 'Program logics',
        collapsed: false,
        items: [
          { text: 'Hoare 1969', link: '/papers/hoare-1969' },
          { text: 'Separation logic', link: '/papers/reynolds-2002-separation-logic' },
          { text: 'RustBelt', link: '/papers/rustbelt' }
        ]
      },
      {
        text: 'Gradual typing',
        items: [
          { text: 'Siek & Taha 2006', link: '/papers/siek-taha-2006' }
        ]
      },
      {
        text: 'Books',
        collapsed: true,
        items: [
          { text: 'TAPL', link: '/books/tapl' }
        ]
      }
    ],

    socialLinks: [
      { icon: 'github', link: 'https://github.com/example-user/pl-notes' }
    ],

    footer: {
      message: 'Notes are mine; papers belong to their authors.',
      copyright: '2023–present'
    }
  }
})
