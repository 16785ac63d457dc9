window.YTD.like.part0 = [
  {
    "like" : {
      "tweetId" : "1367123456789012480",
      "fullText" : "New preprint! We show that community detection in temporal networks needs ... https://t.co/Qx1y2Z3w4V",
      "expandedUrl" : "https://twitter.com/i/web/status/1367123456789012480"
    }
  },
  {
    "like" : {
      "tweetId" : "1459988776655443200",
      "fullText" : "The Anatomy of the Facebook Social Graph (Ugander et al.) is 10 years old and still the best empirical network paper I know https://t.co/aB9cD8eF7g",
      "expandedUrl" : "https://twitter.com/i/web/status/1459988776655443200"
    }
  },
  {
    "like" : {
      "tweetId" : "1611122233344455666",
      "fullText" : "Hot take: modularity should be retired from teaching. Fight me.",
      "expandedUrl" : "https://twitter.com/i/web/status/1611122233344455666"
    }
  }
]