#!/bin/sh
# Byline.app -> a compressed disk image with an Applications link to drag it onto.
#   sh packaging/macos/make_dmg.sh dist/Byline.app dist/Byline-0.1.0.dmg 0.1.0
# Uses create-dmg (brew install create-dmg) for a laid-out window when it is there,
# plain hdiutil otherwise. macOS only; packaging/build.py calls it after PyInstaller.
set -eu
app=$1
dmg=$2
version=$3
volume="Byline $version"
[ -d "$app" ] || { echo "no $app: run PyInstaller first" >&2; exit 1; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
# ditto keeps the bundle's symlinks, extended attributes and (ad hoc) signature
ditto "$app" "$stage/Byline.app"
rm -f "$dmg"
if command -v create-dmg >/dev/null 2>&1; then
    create-dmg --volname "$volume" --window-size 540 360 --icon-size 96 \
        --icon "Byline.app" 140 170 --app-drop-link 400 170 --no-internet-enable \
        "$dmg" "$stage"
else
    ln -s /Applications "$stage/Applications"
    hdiutil create -volname "$volume" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
fi
hdiutil verify "$dmg"
echo "$dmg"
