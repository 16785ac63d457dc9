#!/usr/bin/env bash
# Build the chapter drafts. Needs pandoc >= 3 and a TeX install.
set -euo pipefail
pandoc chapter2_literature_review.md \
  --from markdown+footnotes+inline_notes+tex_math_dollars \
  --pdf-engine=xelatex \
  -V geometry:margin=2.5cm -V fontsize=11pt \
  --toc \
  -o build/chapter2.pdf
pandoc chapter2_literature_review.md -o build/chapter2.docx
