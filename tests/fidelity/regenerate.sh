#!/bin/sh
# Regenerate tests/fidelity/expected/*.html with the real kramdown, configured as Jekyll
# configures it by default (input: GFM, auto_ids, smart quotes, rouge highlighting).
# Needs Debian's `jekyll` and `ruby-kramdown` (or the gems).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/expected"
rm -f "$here"/expected/*.html
ruby "$here/kramdown_jekyll.rb" "$here/expected" "$here"/docs/*.md
echo "regenerated $(ls "$here"/expected/*.html | wc -l) files in $here/expected"
# The languages Rouge highlights (kramdown writes a plain <pre><code> for any other):
# resources/rouge-lexers.txt, read by editor/core/render/highlight.py
ruby -e 'require "rouge"; puts "# Rouge #{Rouge.version}: tags and aliases of its lexers (tests/fidelity/regenerate.sh)"; puts Rouge::Lexer.all.flat_map { |l| [l.tag, *l.aliases] }.map(&:downcase).uniq.sort' > "$here/../../resources/rouge-lexers.txt"
