#!/usr/bin/env bash
# Vendor a KaTeX release into papershelf/static/vendor/katex/<version>/ so pages
# render math without reaching a CDN (Papershelf is self-hosted, often offline).
#
#   scripts/update_katex.sh 0.16.47
#
# Takes the published npm tarball (npm checks its integrity against the registry),
# keeps only what the browser needs: katex.min.js, katex.min.css, the woff2 fonts
# and the LICENSE. Afterwards point the templates at the new folder and delete the
# old one.
set -euo pipefail

version="${1:?usage: $0 VERSION   (for example 0.16.47)}"
if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "error: '$version' is not an exact version like 0.16.47" >&2
  exit 1
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/papershelf/static/vendor/katex/$version"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "katex@$version" >/dev/null)
tar -xzf "$work/katex-$version.tgz" -C "$work"
dist="$work/package/dist"

rm -rf "$dest"
mkdir -p "$dest/fonts"
cp "$dist/katex.min.js" "$dest/"
cp "$dist/fonts/"*.woff2 "$dest/fonts/"
cp "$work/package/LICENSE" "$dest/LICENSE"

# Every browser we support reads woff2, so only those fonts are shipped. The
# stylesheet still names .woff/.ttf fallbacks; drop them, or a hashing static
# storage (whitenoise's manifest) fails on the missing files at collectstatic.
sed -E \
  -e 's/,url\(fonts\/[A-Za-z0-9_-]+\.woff\) format\("woff"\)//g' \
  -e 's/,url\(fonts\/[A-Za-z0-9_-]+\.ttf\) format\("truetype"\)//g' \
  "$dist/katex.min.css" >"$dest/katex.min.css"
if grep -Eq '\.(woff|ttf)\)' "$dest/katex.min.css"; then
  echo "error: katex.min.css still refers to .woff/.ttf fonts; update the sed rules" >&2
  exit 1
fi

echo "KaTeX $version vendored in ${dest#"$root"/}"
