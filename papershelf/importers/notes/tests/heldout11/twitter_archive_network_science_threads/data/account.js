window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "ana.ribeiro.netsci@gmail.com",
      "createdVia" : "web",
      "username" : "netsci_ana",
      "accountId" : "1187412093556432896",
      "createdAt" : "2019-10-24T09:12:44.381Z",
      "accountDisplayName" : "Ana Ribeiro"
    }
  }
]