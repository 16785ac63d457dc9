#!/usr/bin/env python3
"""Tiny dead-link checker for the roadmap README (run before pushing)."""
import re
import sys
import urllib.request

LINK = re.compile(r"\]\((https?://[^)\s]+)\)")


def main(path):
    text = open(path, encoding="utf-8").read()
    bad = 0
    for url in sorted(set(LINK.findall(text))):
        req = urllib.request.Request(url, method="HEAD", headers={"User-Agent": "link-check"})
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                status = r.status
        except Exception as e:  # noqa: BLE001
            status = getattr(e, "code", str(e))
        if status != 200:
            bad += 1
            print(f"[{status}] {url}")
    print(f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "README.md"))
