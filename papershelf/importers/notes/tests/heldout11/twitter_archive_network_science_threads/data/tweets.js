window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1708765151100286122"
          ],
          "editableUntil" : "2023-10-02T09:45:34.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "NetSciReadingList",
            "indices" : [
              "53",
              "71"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/0BwQnmnzFM",
            "expanded_url" : "https://twitter.com/netsci_ana/status/1366297750667916532",
            "display_url" : "twitter.com/netsci_ana/st…",
            "indices" : [
              "130",
              "153"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "153"
      ],
      "favorite_count" : "150",
      "id_str" : "1708765151100286122",
      "truncated" : false,
      "retweet_count" : "38",
      "id" : "1708765151100286122",
      "created_at" : "Mon Oct 02 08:45:34 +0000 2023",
      "favorited" : false,
      "full_text" : "New students arriving again, so I'm pinning the 2021 #NetSciReadingList thread. Still stands, except: read Leiden before Louvain. https://t.co/0BwQnmnzFM",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1704420292556653003"
          ],
          "editableUntil" : "2023-09-20T10:00:39.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/l0oChQaZ0t",
            "expanded_url" : "https://twitter.com/hypergraph_fan/status/1704432001234567890",
            "display_url" : "twitter.com/hypergraph_fa…",
            "indices" : [
              "134",
              "157"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "157"
      ],
      "favorite_count" : "22",
      "id_str" : "1704420292556653003",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1704420292556653003",
      "created_at" : "Wed Sep 20 09:00:39 +0000 2023",
      "favorited" : false,
      "full_text" : "Great thread on higher-order interactions 👇 Adding Battiston et al. 2020 \"Networks beyond pairwise interactions\" to the to-read pile. https://t.co/l0oChQaZ0t",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1678845607803652848"
          ],
          "editableUntil" : "2023-07-11T20:15:59.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/netsci_ana/status/1678845607803652848/photo/1",
            "indices" : [
              "30",
              "53"
            ],
            "url" : "https://t.co/eK5fz3WyW6",
            "media_url" : "http://pbs.twimg.com/media/F0wQx2aWIAE3b9c.jpg",
            "id_str" : "1678845607803225205",
            "id" : "1678845607803225205",
            "media_url_https" : "https://pbs.twimg.com/media/F0wQx2aWIAE3b9c.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/eK5fz3WyW6"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "29"
      ],
      "favorite_count" : "60",
      "id_str" : "1678845607803652848",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1678845607803652848",
      "created_at" : "Tue Jul 11 19:15:59 +0000 2023",
      "favorited" : false,
      "full_text" : "NetSci conference dinner view https://t.co/eK5fz3WyW6",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/netsci_ana/status/1678845607803652848/photo/1",
            "indices" : [
              "30",
              "53"
            ],
            "url" : "https://t.co/eK5fz3WyW6",
            "media_url" : "http://pbs.twimg.com/media/F0wQx2aWIAE3b9c.jpg",
            "id_str" : "1678845607803225205",
            "id" : "1678845607803225205",
            "media_url_https" : "https://pbs.twimg.com/media/F0wQx2aWIAE3b9c.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/eK5fz3WyW6"
          }
        ]
      },
      "possibly_sensitive" : false
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1678305725382644261"
          ],
          "editableUntil" : "2023-07-10T08:30:41.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "NetSci2023",
            "indices" : [
              "21",
              "32"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/FmeU5BPggN",
            "expanded_url" : "https://speakerdeck.com/netsci_ana/temporal-motifs-netsci2023",
            "display_url" : "speakerdeck.com/netsci_an…",
            "indices" : [
              "107",
              "130"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "130"
      ],
      "favorite_count" : "45",
      "id_str" : "1678305725382644261",
      "truncated" : false,
      "retweet_count" : "5",
      "id" : "1678305725382644261",
      "created_at" : "Mon Jul 10 07:30:41 +0000 2023",
      "favorited" : false,
      "full_text" : "Landed in Vienna for #NetSci2023 🇦🇹 My talk is Thursday 14:20, room 3 (temporal networks session). Slides: https://t.co/FmeU5BPggN",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1656992906478549955"
          ],
          "editableUntil" : "2023-05-12T13:01:09.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "194"
      ],
      "favorite_count" : "210",
      "id_str" : "1656992906478549955",
      "truncated" : false,
      "retweet_count" : "25",
      "id" : "1656992906478549955",
      "created_at" : "Fri May 12 12:01:09 +0000 2023",
      "favorited" : false,
      "full_text" : "Granovetter's \"strength of weak ties\" turns 50 this year and my reading group still argues about it every single time 😄 (confession: I've only ever read the famous bits, not the whole AJS paper)",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1588209521132172102"
          ],
          "editableUntil" : "2022-11-03T17:40:32.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/LnnOt25Yq1",
            "expanded_url" : "https://graph-tool.skewed.de/static/doc/demos/inference/inference.html",
            "display_url" : "graph-tool.skewed.de/stat…",
            "indices" : [
              "124",
              "147"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "147"
      ],
      "favorite_count" : "18",
      "id_str" : "1588209521132172102",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1588209521132172102",
      "created_at" : "Thu Nov 03 16:40:32 +0000 2022",
      "favorited" : false,
      "full_text" : "graph-tool on Apple silicon finally installs cleanly via conda-forge. Peixoto's docs remain the best SBM tutorial there is. https://t.co/LnnOt25Yq1",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/AXkPBnGpF8",
            "expanded_url" : "https://networkx.org/documentation/stable/release/release_3.0.html",
            "display_url" : "networkx.org/documentatio…",
            "indices" : [
              "72",
              "95"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "95"
      ],
      "favorite_count" : "30",
      "id_str" : "1494253181468362423",
      "truncated" : false,
      "retweet_count" : "7",
      "id" : "1494253181468362423",
      "created_at" : "Thu Feb 17 10:11:35 +0000 2022",
      "favorited" : false,
      "full_text" : "networkx 3.0 is out — time to drop your old `nx.to_numpy_matrix` calls. https://t.co/AXkPBnGpF8",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "81"
      ],
      "favorite_count" : "12",
      "id_str" : "1404454865075152908",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1404454865075152908",
      "created_at" : "Mon Jun 14 15:05:08 +0000 2021",
      "favorited" : false,
      "full_text" : "Multilayer networks have been on my to-read pile for years. This summer. Maybe. 😅",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Multilayer Lab",
            "screen_name" : "multilayer_lab",
            "indices" : [
              "3",
              "18"
            ],
            "id_str" : "2233445566",
            "id" : "2233445566"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1404454261096304510",
      "truncated" : false,
      "retweet_count" : "57",
      "id" : "1404454261096304510",
      "created_at" : "Mon Jun 14 15:02:11 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @multilayer_lab: Our review \"Multilayer networks\" (Kivelä et al., J. Complex Netw. 2014) is now free to read — link in the next tweet. Would lo…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "190"
      ],
      "favorite_count" : "95",
      "id_str" : "1371063557944841560",
      "truncated" : false,
      "retweet_count" : "6",
      "id" : "1371063557944841560",
      "created_at" : "Sun Mar 14 11:40:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Day 14, honest edition: I still haven't read Decelle et al. 2011 on the detectability threshold in SBMs. Someone explain it to me over coffee? That's the list — thanks for following along! 🙏",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1370664788687192746",
      "in_reply_to_status_id" : "1370664788687192746",
      "in_reply_to_user_id" : "1187412093556432896",
      "in_reply_to_user_id_str" : "1187412093556432896",
      "in_reply_to_screen_name" : "netsci_ana"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/7NuHD2TvGL",
            "expanded_url" : "https://arxiv.org/abs/0906.0612v2",
            "display_url" : "arxiv.org/abs/0906.0612v2",
            "indices" : [
              "146",
              "169"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "169"
      ],
      "favorite_count" : "88",
      "id_str" : "1370664788687192746",
      "truncated" : false,
      "retweet_count" : "20",
      "id" : "1370664788687192746",
      "created_at" : "Sat Mar 13 09:15:26 +0000 2021",
      "favorited" : false,
      "full_text" : "Day 13: Fortunato's \"Community detection in graphs\" (Phys. Rep. 2010). 100 pages, the encyclopaedia. I have read most of it, over several years 😅 https://t.co/7NuHD2TvGL",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1370280733049376237",
      "in_reply_to_status_id" : "1370280733049376237",
      "in_reply_to_user_id" : "1187412093556432896",
      "in_reply_to_user_id_str" : "1187412093556432896",
      "in_reply_to_screen_name" : "netsci_ana"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/fTkeJBzkW2",
            "expanded_url" : "https://arxiv.org/abs/1008.3926",
            "display_url" : "arxiv.org/abs/1008.3926",
            "indices" : [
              "149",
              "172"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "172"
      ],
      "favorite_count" : "52",
      "id_str" : "1370280733049376237",
      "truncated" : false,
      "retweet_count" : "9",
      "id" : "1370280733049376237",
      "created_at" : "Fri Mar 12 07:49:20 +0000 2021",
      "favorited" : false,
      "full_text" : "Day 12: Karrer &amp; Newman 2011, degree-corrected stochastic blockmodel. Fit a plain SBM to real data and you get hubs vs. leaves, not communities. https://t.co/fTkeJBzkW2",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1369928738668212071",
      "in_reply_to_status_id" : "1369928738668212071",
      "in_reply_to_user_id" : "1187412093556432896",
      "in_reply_to_user_id_str" : "1187412093556432896",
      "in_reply_to_screen_name" : "netsci_ana"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/1OznYXp0vi",
            "expanded_url" : "https://www.pnas.org/doi/10.1073/pnas.0706851105",
            "display_url" : "pnas.org/doi/10.1073/pnas…",
            "indices" : [
              "195",
              "218"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "218"
      ],
      "favorite_count" : "66",
      "id_str" : "1369928738668212071",
      "truncated" : false,
      "retweet_count" : "12",
      "id" : "1369928738668212071",
      "created_at" : "Thu Mar 11 08:30:38 +0000 2021",
      "favorited" : false,
      "full_text" : "Day 11: Infomap — Rosvall &amp; Bergstrom 2008, \"Maps of random walks on complex networks reveal community structure\". Compress the description of a random walk instead of maximising modularity. https://t.co/1OznYXp0vi",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1369559518279758816",
      "in_reply_to_status_id" : "1369559518279758816",
      "in_reply_to_user_id" : "1187412093556432896",
      "in_reply_to_user_id_str" : "1187412093556432896",
      "in_reply_to_screen_name" : "netsci_ana"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/uOGNTuyirk",
            "expanded_url" : "https://www.nature.com/articles/s41598-019-41695-z",
            "display_url" : "nature.com/articles/s4159…",
            "indices" : [
              "183",
              "206"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "206"
      ],
      "favorite_count" : "140",
      "id_str" : "1369559518279758816",
      "truncated" : false,
      "retweet_count" : "44",
      "id" : "1369559518279758816",
      "created_at" : "Wed Mar 10 08:03:29 +0000 2021",
      "favorited" : false,
      "full_text" : "Day 10: …and its fix. Traag, Waltman &amp; van Eck (2019) From Louvain to Leiden: guaranteeing well-connected communities. Louvain can return *disconnected* communities 😱 Use Leiden. https://t.co/uOGNTuyirk",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1369199324036830100",
      "in_reply_to_status_id" : "1369199324036830100",
      "in_reply_to_user_id" : "1187412093556432896",
      "in_reply_to_user_id_str" : "1187412093556432896",
      "in_reply_to_screen_name" : "netsci_ana"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/k4A1ib6keE",
            "expanded_url" : "https://arxiv.org/abs/0803.0476",
            "display_url" : "arxiv.org/abs/0803.0476",
            "indices" : [
              "161",
              "184"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "184"
      ],
      "favorite_count" : "83",
      "id_str" : "1369199324036830100",
      "truncated" : false,
      "retweet_count" : "17",
      "id" : "1369199324036830100",
      "created_at" : "Tue Mar 09 08:12:12 +0000 2021",
      "favorited" : false,
      "full_text" : "Day 9: Louvain! Blondel et al. 2008, \"Fast unfolding of communities in large networks\". Greedy local moves + aggregation, runs on millions of nodes on a laptop. https://t.co/k4A1ib6keE",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1368833907883627601",
      "in_reply_to_status_id" : "1368833907883627601",
      "in_reply_to_user_id" : "1187412093556432896",
      "in_reply_to_user_id_str" : "1187412093556432896",
      "in_reply_to_screen_name" : "netsci_ana"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "NetSciReadingList",
            "indices" : [
              "6",
              "24"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/aFl2Ihijbg",
            "expanded_url" : "https://arxiv.org/abs/physics/0602124",
            "display_url" : "arxiv.org/abs/physics/060…",
            "indices" : [
              "190",
              "213"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "213"
      ],
      "favorite_count" : "58",
      "id_str" : "1368833907883627601",
      "truncated" : false,
      "retweet_count" : "11",
      "id" : "1368833907883627601",
      "created_at" : "Mon Mar 08 08:00:10 +0000 2021",
      "favorited" : false,
      "full_text" : "Day 8 #NetSciReadingList: Newman 2006, \"Modularity and community structure in networks\" (PNAS) — the leading-eigenvector method. The modularity matrix B = A − kkᵀ/2m is worth internalising. https://t.co/aFl2Ihijbg",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1368503434475323406",
      "in_reply_to_status_id" : "1368503434475323406",
      "in_reply_to_user_id" : "1187412093556432896",
      "in_reply_to_user_id_str" : "1187412093556432896",
      "in_reply_to_screen_name" : "netsci_ana"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "145"
      ],
      "favorite_count" : "40",
      "id_str" : "1368503434475323406",
      "truncated" : false,
      "retweet_count" : "3",
      "id" : "1368503434475323406",
      "created_at" : "Sun Mar 07 10:06:59 +0000 2021",
      "favorited" : false,
      "full_text" : "That's week one! Week two is community detection beyond Girvan–Newman. If you want ONE textbook instead: Newman's \"Networks\" (2nd ed., OUP 2018).",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1368502239099090712",
      "in_reply_to_status_id" : "1368502239099090712",
      "in_reply_to_user_id" : "1187412093556432896",
      "in_reply_to_user_id_str" : "1187412093556432896",
      "in_reply_to_screen_name" : "netsci_ana"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/wYn46w85g6",
            "expanded_url" : "https://journals.aps.org/pre/abstract/10.1103/PhysRevE.69.026113",
            "display_url" : "journals.aps.org/pre/abst…",
            "indices" : [
              "139",
              "162"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "162"
      ],
      "favorite_count" : "61",
      "id_str" : "1368502239099090712",
      "truncated" : false,
      "retweet_count" : "10",
      "id" : "1368502239099090712",
      "created_at" : "Sun Mar 07 10:02:14 +0000 2021",
      "favorited" : false,
      "full_text" : "Day 7: Newman &amp; Girvan 2004 (PRE 69, 026113): modularity Q is born. Everything since is either maximising it or complaining about it 😅 https://t.co/wYn46w85g6",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1368132125325382540",
      "in_reply_to_status_id" : "1368132125325382540",
      "in_reply_to_user_id" : "1187412093556432896",
      "in_reply_to_user_id_str" : "1187412093556432896",
      "in_reply_to_screen_name" : "netsci_ana"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/74xkyyf0Az",
            "expanded_url" : "https://doi.org/10.1073/pnas.122653799",
            "display_url" : "doi.org/10.1073/pnas.1226…",
            "indices" : [
              "156",
              "179"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "179"
      ],
      "favorite_count" : "55",
      "id_str" : "1368132125325382540",
      "truncated" : false,
      "retweet_count" : "8",
      "id" : "1368132125325382540",
      "created_at" : "Sat Mar 06 09:31:32 +0000 2021",
      "favorited" : false,
      "full_text" : "Day 6: Girvan &amp; Newman 2002 PNAS. Remove the edge with highest betweenness, repeat, watch communities fall out. Slow (O(m²n)) but conceptually perfect. https://t.co/74xkyyf0Az",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1367751915861198794",
      "in_reply_to_status_id" : "1367751915861198794",
      "in_reply_to_user_id" : "1187412093556432896",
      "in_reply_to_user_id_str" : "1187412093556432896",
      "in_reply_to_screen_name" : "netsci_ana"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/CjuK1ntPk5",
            "expanded_url" : "https://arxiv.org/pdf/cond-mat/0303516.pdf",
            "display_url" : "arxiv.org/pdf/cond-mat/03…",
            "indices" : [
              "165",
              "188"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "188"
      ],
      "favorite_count" : "120",
      "id_str" : "1367751915861198794",
      "truncated" : false,
      "retweet_count" : "33",
      "id" : "1367751915861198794",
      "created_at" : "Fri Mar 05 08:20:43 +0000 2021",
      "favorited" : false,
      "full_text" : "Day 5: the review I send everyone — Newman, The structure and function of complex networks (SIAM Review 2003). 80 pages; read §1–4 first and come back for the rest. https://t.co/CjuK1ntPk5",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1367383966349099045",
      "in_reply_to_status_id" : "1367383966349099045",
      "in_reply_to_user_id" : "1187412093556432896",
      "in_reply_to_user_id_str" : "1187412093556432896",
      "in_reply_to_screen_name" : "netsci_ana"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/m87NhR7koE",
            "expanded_url" : "https://arxiv.org/abs/cond-mat/0010317",
            "display_url" : "arxiv.org/abs/cond-mat/00…",
            "indices" : [
              "173",
              "196"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "196"
      ],
      "favorite_count" : "71",
      "id_str" : "1367383966349099045",
      "truncated" : false,
      "retweet_count" : "14",
      "id" : "1367383966349099045",
      "created_at" : "Thu Mar 04 07:58:37 +0000 2021",
      "favorited" : false,
      "full_text" : "Day 4: Pastor-Satorras &amp; Vespignani (PRL 2001): the epidemic threshold vanishes on scale-free networks with 2 &lt; γ ≤ 3. Mean-field, but the punchline survives. arXiv: https://t.co/m87NhR7koE",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1367024535467281951",
      "in_reply_to_status_id" : "1367024535467281951",
      "in_reply_to_user_id" : "1187412093556432896",
      "in_reply_to_user_id_str" : "1187412093556432896",
      "in_reply_to_screen_name" : "netsci_ana"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "228"
      ],
      "favorite_count" : "64",
      "id_str" : "1367024535467281951",
      "truncated" : false,
      "retweet_count" : "9",
      "id" : "1367024535467281951",
      "created_at" : "Wed Mar 03 08:10:22 +0000 2021",
      "favorited" : false,
      "full_text" : "Day 3: Albert, Jeong &amp; Barabási, \"Error and attack tolerance of complex networks\" (Nature 2000). Scale-free networks shrug off random failures but fall apart when you remove hubs. Re-read it yesterday, Fig. 2 is still great.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1366657403845565216",
      "in_reply_to_status_id" : "1366657403845565216",
      "in_reply_to_user_id" : "1187412093556432896",
      "in_reply_to_user_id_str" : "1187412093556432896",
      "in_reply_to_screen_name" : "netsci_ana"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Mariam K.",
            "screen_name" : "mk_graphs",
            "indices" : [
              "0",
              "10"
            ],
            "id_str" : "987654321098765432",
            "id" : "987654321098765432"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "11",
        "179"
      ],
      "favorite_count" : "4",
      "id_str" : "1366755802218261730",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1366755802218261730",
      "created_at" : "Tue Mar 02 14:22:31 +0000 2021",
      "favorited" : false,
      "full_text" : "@mk_graphs Yes, BA is the canonical one — but pair it with Amaral et al. 2000 on classes of small-world networks. (Confession: I haven't read Amaral et al. yet, it's on the list.)",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1366747812068469464",
      "in_reply_to_status_id" : "1366747812068469464",
      "in_reply_to_user_id" : "987654321098765432",
      "in_reply_to_user_id_str" : "987654321098765432",
      "in_reply_to_screen_name" : "mk_graphs"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/0ioyLAREsw",
            "expanded_url" : "https://arxiv.org/abs/cond-mat/9910332",
            "display_url" : "arxiv.org/abs/cond-mat/99…",
            "indices" : [
              "203",
              "226"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "226"
      ],
      "favorite_count" : "77",
      "id_str" : "1366657403845565216",
      "truncated" : false,
      "retweet_count" : "15",
      "id" : "1366657403845565216",
      "created_at" : "Tue Mar 02 07:51:31 +0000 2021",
      "favorited" : false,
      "full_text" : "Day 2: Barabási &amp; Albert 1999 — growth + preferential attachment ⇒ power-law degree distribution with γ = 3. Still the cleanest derivation to teach (do the mean-field rate equation on a whiteboard). https://t.co/0ioyLAREsw",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1366298581138694755",
      "in_reply_to_status_id" : "1366298581138694755",
      "in_reply_to_user_id" : "1187412093556432896",
      "in_reply_to_user_id_str" : "1187412093556432896",
      "in_reply_to_screen_name" : "netsci_ana"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/uIcw8wP4WY",
            "expanded_url" : "https://www.nature.com/articles/30918",
            "display_url" : "nature.com/articles/30918",
            "indices" : [
              "196",
              "219"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "219"
      ],
      "favorite_count" : "98",
      "id_str" : "1366298581138694755",
      "truncated" : false,
      "retweet_count" : "21",
      "id" : "1366298581138694755",
      "created_at" : "Mon Mar 01 08:05:41 +0000 2021",
      "favorited" : false,
      "full_text" : "Day 1: Watts &amp; Strogatz (1998), “Collective dynamics of ‘small-world’ networks”. Rewire a ring lattice with probability p → high clustering AND short paths. Three pages that launched a field. https://t.co/uIcw8wP4WY",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1366297750667916532",
      "in_reply_to_status_id" : "1366297750667916532",
      "in_reply_to_user_id" : "1187412093556432896",
      "in_reply_to_user_id_str" : "1187412093556432896",
      "in_reply_to_screen_name" : "netsci_ana"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "NetSciReadingList",
            "indices" : [
              "135",
              "153"
            ]
          }
        ],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "153"
      ],
      "favorite_count" : "412",
      "id_str" : "1366297750667916532",
      "truncated" : false,
      "retweet_count" : "131",
      "id" : "1366297750667916532",
      "created_at" : "Mon Mar 01 08:02:23 +0000 2021",
      "favorited" : false,
      "full_text" : "Our new PhD students start this week, so: one classic network science paper a day for two weeks, with my two-line take. Follow along 🧵 #NetSciReadingList",
      "lang" : "en"
    }
  }
]