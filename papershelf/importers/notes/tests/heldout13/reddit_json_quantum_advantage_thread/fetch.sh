#!/bin/sh
# saved the seminar thread before it gets archived
curl -s -A 'notes-archiver/0.1 (personal use)' \
  'https://www.reddit.com/r/QuantumComputing/comments/1b9k2tq/.json?limit=500&raw_json=0' \
  -o 1b9k2tq.json
