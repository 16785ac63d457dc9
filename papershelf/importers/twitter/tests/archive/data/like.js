window.YTD.like.part0 = [
  {
    "like" : {
      "tweetId" : "1600000000000000042",
      "fullText" : "New paper: \"Mixing patterns in networks\" https://t.co/Mx1",
      "expandedUrl" : "https://twitter.com/i/web/status/1600000000000000042"
    }
  }
]
