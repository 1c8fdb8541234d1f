# Convert Markdown files to HTML exactly as Jekyll's default kramdown converter does.
# usage: ruby kramdown_jekyll.rb OUT_DIR FILE.md...
require "jekyll"
require "tmpdir"

site_dir = Dir.mktmpdir("byline-fidelity")
config = Jekyll::Configuration.from(
  "quiet" => true, "source" => site_dir, "destination" => File.join(site_dir, "_site")
)
converter = Jekyll::Converters::Markdown.new(config)
out_dir = ARGV.shift
ARGV.each do |path|
  html = converter.convert(File.read(path, encoding: "UTF-8"))
  File.write(File.join(out_dir, File.basename(path, ".md") + ".html"), html)
end
