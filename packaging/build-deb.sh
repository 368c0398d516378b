#!/bin/sh
# Build dist/towndesk_<version>_<arch>.deb from the one-folder build in dist/towndesk/
# (`make build`), with dpkg-deb alone. Called by `make package`.
#   packaging/build-deb.sh [DEB_VERSION]
# DEB_VERSION defaults to the version in pyproject.toml (package-test gives a higher one to
# try an upgrade). PYTHON is the project's Python with PySide6 (renders the icons).
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
BUNDLE=dist/towndesk
[ -x "$BUNDLE/towndesk" ] || { echo "没有找到 $BUNDLE/towndesk：请先运行 make build。" >&2; exit 1; }

version=${1:-$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')}
arch=$(dpkg --print-architecture)
deb=dist/towndesk_${version}_${arch}.deb
root=$(mktemp -d "${TMPDIR:-/tmp}/towndesk-deb.XXXXXX")
trap 'rm -rf "$root"' EXIT

# the program: /opt/towndesk, and /usr/bin/towndesk starting it
mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
	"$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/doc/towndesk" \
	"$root/usr/share/man/man1" "$root/DEBIAN"
cp -a "$BUNDLE" "$root/opt/towndesk"
install -m 755 packaging/debian/towndesk "$root/usr/bin/towndesk"

# menu entry and icon (PNGs rendered from the SVG now, never committed)
install -m 644 packaging/debian/towndesk.desktop "$root/usr/share/applications/towndesk.desktop"
install -m 644 resources/icons/towndesk.svg "$root/usr/share/icons/hicolor/scalable/apps/towndesk.svg"
QT_QPA_PLATFORM=offscreen "$PYTHON" packaging/render_icons.py resources/icons/towndesk.svg \
	"$root/usr/share/icons/hicolor"

# copyright and changelog where Debian puts them; the date is the last commit's, so the
# same commit gives the same changelog
install -m 644 packaging/debian/copyright "$root/usr/share/doc/towndesk/copyright"
date=$(git log -1 --format=%cD 2>/dev/null || date -R)
sed -e "s/@VERSION@/$version/g" -e "s/@DATE@/$date/" packaging/debian/changelog.in \
	| gzip -9n > "$root/usr/share/doc/towndesk/changelog.gz"  # a native package: no .Debian
gzip -9n < packaging/debian/towndesk.1 > "$root/usr/share/man/man1/towndesk.1.gz"
install -m 644 -D packaging/debian/lintian-overrides "$root/usr/share/lintian/overrides/towndesk"

# plain permissions: directories 755, files 644, executables 755, nothing group-writable
find "$root" -type d -exec chmod 755 {} +
find "$root" -type f -perm /111 -exec chmod 755 {} +
find "$root" -type f ! -perm /111 -exec chmod 644 {} +
find "$root" -type f \( -name '*.so' -o -name '*.so.*' \) -exec chmod 644 {} +  # loaded, not run

# control: Depends from packaging/debian/depends, Installed-Size in KiB (without DEBIAN/)
depends=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' packaging/debian/depends | paste -sd, - | sed 's/,/, /g')
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$size/" \
	-e "s/@DEPENDS@/$depends/" packaging/debian/control.in > "$root/DEBIAN/control"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z \
	| xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-xz}" --build "$root" "$deb"
echo "$deb: $(du -k "$deb" | cut -f1) KiB, installed $size KiB"
