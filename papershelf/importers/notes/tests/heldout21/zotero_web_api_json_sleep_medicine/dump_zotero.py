#!/usr/bin/env python3
"""Back up the lab's Zotero group library (run monthly, see lab wiki).

Needs: pip install pyzotero ; export ZOTERO_API_KEY=... (read-only key)
"""
import json
import os

from pyzotero import zotero

GROUP_ID = 5123488  # Sleep and Circadian Neuroscience Lab

zot = zotero.Zotero(GROUP_ID, "group", os.environ["ZOTERO_API_KEY"])

with open("items.json", "w") as f:
    json.dump(zot.everything(zot.items()), f)

with open("collections.json", "w") as f:
    json.dump(zot.collections(), f)
