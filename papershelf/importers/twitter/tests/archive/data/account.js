window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "lena@example.org",
      "createdVia" : "web",
      "username" : "lena_epi",
      "accountId" : "4242",
      "createdAt" : "2012-05-01T08:00:00.000Z",
      "accountDisplayName" : "Lena Fischer"
    }
  }
]
