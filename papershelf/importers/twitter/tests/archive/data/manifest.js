window.__THAR_CONFIG = {
  "userInfo" : {
    "accountId" : "4242",
    "userName" : "lena_epi",
    "displayName" : "Lena Fischer"
  },
  "archiveInfo" : {
    "sizeBytes" : "1048576",
    "generationDate" : "2023-05-01T10:00:00.000Z",
    "isPartialArchive" : false
  },
  "dataTypes" : {
    "tweets" : {
      "files" : [ { "fileName" : "data/tweets.js", "globalName" : "YTD.tweets.part0", "count" : "6" } ]
    }
  }
}
