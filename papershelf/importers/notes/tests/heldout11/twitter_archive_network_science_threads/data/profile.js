window.YTD.profile.part0 = [
  {
    "profile" : {
      "description" : {
        "bio" : "Network scientist. Postdoc @ CSH Vienna. Communities, temporal networks, SBMs. Views mine. she/her",
        "website" : "https://t.co/Lq8zV3xN2p",
        "location" : "Vienna, Austria"
      },
      "avatarMediaUrl" : "https://pbs.twimg.com/profile_images/1501234567890123456/abCdEfGh.jpg",
      "headerMediaUrl" : "https://pbs.twimg.com/profile_banners/1187412093556432896/1646000000"
    }
  }
]