window.__THAR_CONFIG = {
  "userInfo" : {
    "accountId" : "1187412093556432896",
    "userName" : "netsci_ana",
    "displayName" : "Ana Ribeiro"
  },
  "archiveInfo" : {
    "sizeBytes" : "48213377",
    "generationDate" : "2023-11-04T18:22:09.114Z",
    "isPartialArchive" : false,
    "maxPartSizeBytes" : "53687091200"
  },
  "readmeInfo" : {
    "fileName" : "data/README.txt",
    "directory" : "data/",
    "name" : "README"
  },
  "dataTypes" : {
    "account" : {
      "files" : [
        {
          "fileName" : "data/account.js",
          "globalName" : "YTD.account.part0",
          "count" : "1"
        }
      ]
    },
    "like" : {
      "files" : [
        {
          "fileName" : "data/like.js",
          "globalName" : "YTD.like.part0",
          "count" : "3"
        }
      ]
    },
    "profile" : {
      "files" : [
        {
          "fileName" : "data/profile.js",
          "globalName" : "YTD.profile.part0",
          "count" : "1"
        }
      ],
      "mediaDirectory" : "data/profile_media"
    },
    "tweets" : {
      "files" : [
        {
          "fileName" : "data/tweets.js",
          "globalName" : "YTD.tweets.part0",
          "count" : "26"
        }
      ],
      "mediaDirectory" : "data/tweets_media"
    }
  }
}