#!/bin/sh
# dump the lab group's annotations (needs a developer token in $HYP_TOKEN)
curl -s -H "Authorization: Bearer $HYP_TOKEN" \
  "https://api.hypothes.is/api/search?group=Wd8xq2Kv&limit=200&sort=created&order=asc" \
  > group_shenai-lab_api_search.json
