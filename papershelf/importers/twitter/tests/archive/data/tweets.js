window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [ "1651234567890123459" ],
          "editableUntil" : "2023-04-26T15:12:40.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/Gh7QpL2xVn",
            "expanded_url" : "https://github.com/lab/epimodels/releases/tag/v2.0",
            "display_url" : "github.com/lab/epimodels/…",
            "indices" : [ "62", "85" ]
          }
        ]
      },
      "display_text_range" : [ "0", "85" ],
      "favorite_count" : "12",
      "id_str" : "1651234567890123459",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1651234567890123459",
      "created_at" : "Wed Apr 26 14:42:40 +0000 2023",
      "favorited" : false,
      "full_text" : "epimodels 2.0 is out: faster SIR fits &amp; a new CLI. Enjoy! https://t.co/Gh7QpL2xVn",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Sam Rivera",
            "screen_name" : "samrivera",
            "indices" : [ "3", "13" ],
            "id_str" : "5550001",
            "id" : "5550001"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/Rt0aBcDeFg",
            "expanded_url" : "https://arxiv.org/abs/2302.11111",
            "display_url" : "arxiv.org/abs/2302.11111",
            "indices" : [ "70", "93" ]
          }
        ]
      },
      "display_text_range" : [ "0", "93" ],
      "favorite_count" : "0",
      "id_str" : "1630000000000000011",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1630000000000000011",
      "created_at" : "Mon Feb 27 10:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "RT @samrivera: Our new preprint on vaccination games is out today! https://t.co/Rt0aBcDeFg",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Kim Osei",
            "screen_name" : "kimosei",
            "indices" : [ "0", "8" ],
            "id_str" : "5550002",
            "id" : "5550002"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/Zz9YyXxWwV",
            "expanded_url" : "https://doi.org/10.1038/nphys2160",
            "display_url" : "doi.org/10.1038/nphys2…",
            "indices" : [ "60", "83" ]
          }
        ]
      },
      "display_text_range" : [ "9", "83" ],
      "favorite_count" : "1",
      "in_reply_to_status_id_str" : "1629999999999999999",
      "id_str" : "1630000000000000021",
      "in_reply_to_user_id" : "5550002",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1630000000000000021",
      "in_reply_to_status_id" : "1629999999999999999",
      "created_at" : "Mon Feb 27 11:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "@kimosei Agreed, though I haven't read the follow-up yet: https://t.co/Zz9YyXxWwV",
      "lang" : "en",
      "in_reply_to_screen_name" : "kimosei",
      "in_reply_to_user_id_str" : "5550002"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Lena Fischer",
            "screen_name" : "lena_epi",
            "indices" : [ "0", "9" ],
            "id_str" : "4242",
            "id" : "4242"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [ "10", "140" ],
      "favorite_count" : "4",
      "in_reply_to_status_id_str" : "1620000000000000001",
      "id_str" : "1620000000000000002",
      "in_reply_to_user_id" : "4242",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1620000000000000002",
      "in_reply_to_status_id" : "1620000000000000001",
      "created_at" : "Tue Jan 31 09:05:00 +0000 2023",
      "favorited" : false,
      "full_text" : "@lena_epi 2/ The key step: the threshold is set by &lt;k²&gt;/&lt;k&gt;, so it vanishes when the second moment diverges.",
      "lang" : "en",
      "in_reply_to_screen_name" : "lena_epi",
      "in_reply_to_user_id_str" : "4242"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "EpiReading",
            "indices" : [ "0", "11" ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/Ab12Cd34Ef",
            "expanded_url" : "https://arxiv.org/abs/cond-mat/0010317",
            "display_url" : "arxiv.org/abs/cond-mat/0…",
            "indices" : [ "118", "141" ]
          }
        ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/lena_epi/status/1620000000000000001/photo/1",
            "indices" : [ "142", "165" ],
            "url" : "https://t.co/PiC0fF1g",
            "media_url_https" : "https://pbs.twimg.com/media/Fnx1.jpg",
            "id_str" : "1620000000000000009",
            "type" : "photo",
            "display_url" : "pic.twitter.com/PiC0fF1g"
          }
        ]
      },
      "display_text_range" : [ "0", "141" ],
      "favorite_count" : "31",
      "id_str" : "1620000000000000001",
      "truncated" : false,
      "retweet_count" : "5",
      "id" : "1620000000000000001",
      "created_at" : "Tue Jan 31 09:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "#EpiReading 1/ Pastor-Satorras &amp; Vespignani (2001), \"Epidemic spreading in scale-free networks\". A classic. https://t.co/Ab12Cd34Ef https://t.co/PiC0fF1g",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Lena Fischer",
            "screen_name" : "lena_epi",
            "indices" : [ "0", "9" ],
            "id_str" : "4242",
            "id" : "4242"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/Pr3Ab5Tr4c",
            "expanded_url" : "https://journals.aps.org/pre/abstract/10.1103/PhysRevE.66.016128",
            "display_url" : "journals.aps.org/pre/abstract/1…",
            "indices" : [ "100", "123" ]
          }
        ]
      },
      "display_text_range" : [ "10", "123" ],
      "favorite_count" : "7",
      "in_reply_to_status_id_str" : "1620000000000000002",
      "id_str" : "1620000000000000003",
      "in_reply_to_user_id" : "4242",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1620000000000000003",
      "in_reply_to_status_id" : "1620000000000000002",
      "created_at" : "Tue Jan 31 09:10:00 +0000 2023",
      "favorited" : false,
      "full_text" : "@lena_epi 3/ Then Newman 2002 on SIR as bond percolation, which makes the threshold exact on configuration-model graphs https://t.co/Pr3Ab5Tr4c",
      "lang" : "en",
      "in_reply_to_screen_name" : "lena_epi",
      "in_reply_to_user_id_str" : "4242"
    }
  }
]
