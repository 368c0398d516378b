#!/bin/sh
# `make package-test`: the .deb as a township IT person would meet it. Installs it with apt
# into a bare Debian 12 root (debootstrap minbase: no Python, no Qt, no fonts), runs the
# program there as an ordinary user, installs a higher version over it, then removes it,
# and checks the user's data outlives both. Needs root (chroot) and the Debian mirror.
#   packaging/test-deb.sh dist/towndesk_<version>_<arch>.deb
# DEBIAN_MIRROR picks the mirror; the bare root is made once and kept in
# TOWNDESK_PACKAGE_TEST_CACHE (default ~/.cache/towndesk-package-test).
set -eu
cd "$(dirname "$0")/.."
deb=$1
PYTHON=${PYTHON:-.venv/bin/python}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
CACHE=${TOWNDESK_PACKAGE_TEST_CACHE:-$HOME/.cache/towndesk-package-test}
OUT=dist/package-test
[ "$(id -u)" = 0 ] || { echo "package-test 需要 root（debootstrap、chroot）：请用 sudo make package-test。" >&2; exit 1; }
[ -f "$deb" ] || { echo "没有找到 $deb：请先运行 make package。" >&2; exit 1; }
version=$(dpkg-deb -f "$deb" Version)
app_version=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
mkdir -p "$OUT" "$CACHE"

now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }
say() { printf '== %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }
started=$(now)

# a bare Debian 12, made once
base=$CACHE/bookworm-minbase
if [ ! -d "$base" ]; then
	say "debootstrap --variant=minbase bookworm from $MIRROR (once; kept in $base)"
	t=$(now)
	rm -rf "$base.tmp"
	debootstrap --variant=minbase bookworm "$base.tmp" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
		|| fail "debootstrap could not make a Debian 12 root from $MIRROR (see $CACHE/debootstrap.log)"
	mv "$base.tmp" "$base"
	say "debootstrap: $(took "$t")"
fi

root=$(mktemp -d /var/tmp/towndesk-chroot.XXXXXX)
xvfb=
cleanup() {
	[ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true
	for m in "$root/tmp/.X11-unix" "$root/dev" "$root/proc"; do
		if mountpoint -q "$m"; then umount "$m"; fi
	done
	# never remove a root that still has the host's /dev or /proc mounted in it
	if mountpoint -q "$root/dev" || mountpoint -q "$root/proc"; then
		echo "left $root (still mounted)" >&2
	else
		rm -rf --one-file-system "$root"
	fi
}
trap cleanup EXIT
cp -a "$base/." "$root/"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
cp /etc/resolv.conf "$root/etc/resolv.conf"
as_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
	DEBIAN_FRONTEND=noninteractive "$@"; }
# the clerk's own account: the program and its data as an ordinary user
as_user() { chroot --userspec=1000:1000 "$root" env -i PATH=/usr/bin:/bin HOME=/home/clerk \
	LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"; }
as_root useradd -m -u 1000 -s /bin/sh clerk
as_root sh -c 'command -v python3' && fail "the bare root has a python3"
data=$root/home/clerk/.local/share/TownDesk

say "apt-get install ./$(basename "$deb") (version $version)"
cp "$deb" "$root/tmp/"
t=$(now)
as_root apt-get update -qq
as_root apt-get install -y -q "/tmp/$(basename "$deb")" >"$OUT/apt-install.log" 2>&1 \
	|| { tail -20 "$OUT/apt-install.log"; fail "apt-get install"; }
install_time=$(took "$t")
apt_says=$(grep -E '^(Need to get|After this operation)' "$OUT/apt-install.log" | paste -sd' ' -)
say "installed in $install_time ($(grep -c '^Setting up' "$OUT/apt-install.log") packages set up)"
as_root dpkg-query -W -f='${Status}\n' towndesk | grep -q 'install ok installed' || fail "not installed"
as_root sh -c 'dpkg-query -W -f="\${Status}\n" fonts-wqy-microhei fonts-noto-cjk 2>/dev/null' \
	| grep -q 'install ok installed' || fail "no Chinese font came with the package"
for f in usr/share/applications/towndesk.desktop usr/share/icons/hicolor/48x48/apps/towndesk.png \
	usr/share/icons/hicolor/scalable/apps/towndesk.svg usr/bin/towndesk; do
	[ -e "$root/$f" ] || fail "missing /$f"
done

say "towndesk --version"
got=$(as_user towndesk --version)
echo "$got"
[ "$got" = "TownDesk $app_version" ] || fail "--version said '$got', not 'TownDesk $app_version'"

say "towndesk self-test"
t=$(now)
as_user towndesk self-test || fail "self-test"
say "self-test: $(took "$t")"

# the window on a real X server: Qt's xcb plugin loads with the libraries Depends brought
if command -v Xvfb >/dev/null; then
	d=70
	while [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ]; do d=$((d + 1)); done
	say "towndesk self-test in an X11 window (Xvfb :$d)"
	Xvfb ":$d" -screen 0 1366x768x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
	xvfb=$!
	sleep 2
	mkdir -p "$root/tmp/.X11-unix"
	mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
	as_user env DISPLAY=":$d" QT_QPA_PLATFORM=xcb towndesk self-test || fail "self-test on X11"
else
	say "no Xvfb here: the X11 window is not tried (apt-get install xvfb)"
fi

say "towndesk demo, then a screenshot of the sign-in page"
as_user towndesk demo --cases 200 >"$OUT/demo.log" || fail "towndesk demo"
grep '^已生成' "$OUT/demo.log" || true
[ -f "$data/towndesk.sqlite3" ] || fail "the demo is not in the user's data folder"
shot() {
	as_user env TOWNDESK_PASSWORD=clerk123 towndesk screenshot --as clerk --page signin \
		--lang zh_CN -o /tmp/signin.png || fail "screenshot"
	cp "$root/tmp/signin.png" "$1"
	# a blank or font-less page has a handful of colours; rendered Chinese text adds many
	"$PYTHON" - "$1" <<'PY' || fail "the sign-in screenshot looks blank: $1"
import sys
from PIL import Image
colours = Image.open(sys.argv[1]).convert("RGB").getcolors(1 << 24)
print(f"{sys.argv[1]}: {len(colours)} colours")
sys.exit(0 if len(colours) > 50 else 1)
PY
}
shot "$OUT/signin-$version.png"

say "an older database is upgraded, with its backup, at first start"
cp tests/fixtures/schema-9.sqlite3 "$root/home/clerk/schema-9.sqlite3"
chown 1000:1000 "$root/home/clerk/schema-9.sqlite3"
as_user towndesk self-test --db /home/clerk/schema-9.sqlite3 || fail "self-test on a schema-9 database"
ls "$root/home/clerk/" | grep -q '^schema-9\.before-v10\.sqlite3$' || fail "no backup before the upgrade"

say "upgrade: a higher version over it keeps the data"
before=$(md5sum <"$data/towndesk.sqlite3")
DEB_COMPRESSION=none PYTHON=$PYTHON packaging/build-deb.sh "$version+upgradetest1" >/dev/null
newer=dist/towndesk_${version}+upgradetest1_$(dpkg --print-architecture).deb
mv "$newer" "$root/tmp/"
t=$(now)
as_root apt-get install -y -q "/tmp/$(basename "$newer")" >"$OUT/apt-upgrade.log" 2>&1 \
	|| { tail -20 "$OUT/apt-upgrade.log"; fail "apt-get install of the newer version"; }
say "upgraded in $(took "$t")"
[ "$(as_root dpkg-query -W -f='${Version}' towndesk)" = "$version+upgradetest1" ] || fail "not upgraded"
[ "$(md5sum <"$data/towndesk.sqlite3")" = "$before" ] || fail "the upgrade changed the database"
shot "$OUT/signin-after-upgrade.png"
as_user towndesk self-test --db /home/clerk/.local/share/TownDesk/towndesk.sqlite3 \
	|| fail "self-test on the kept database"

say "remove and purge keep the data"
as_root apt-get purge -y -q towndesk >"$OUT/apt-purge.log" 2>&1 || fail "apt-get purge"
[ ! -e "$root/opt/towndesk" ] || fail "/opt/towndesk is still there"
[ "$(md5sum <"$data/towndesk.sqlite3")" = "$before" ] || fail "removing changed the database"

say "package-test passed"
echo "package:            $deb, $(du -k "$deb" | cut -f1) KiB"
echo "Installed-Size:     $(dpkg-deb -f "$deb" Installed-Size) KiB (towndesk alone)"
echo "apt install time:   $install_time (with its dependencies, from the mirror)"
echo "apt on a bare root: $apt_says (towndesk and its dependencies)"
echo "screenshots:        $OUT/signin-$version.png $OUT/signin-after-upgrade.png"
echo "package-test took:  $(took "$started")"
