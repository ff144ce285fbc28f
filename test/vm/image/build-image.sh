#!/bin/sh
# Builds the cached VM base image: a Debian 12 rootfs (ext4 image) with systemd as PID 1, plus the cloud kernel (test/vm).
# Usage: build-image.sh OUTDIR    (run as root; writes OUTDIR/root.img, OUTDIR/vmlinuz, OUTDIR/manifest.txt)
# Env:   VM_DEBIAN_MIRROR / VM_SECURITY_MIRROR override the mirrors read from the host's apt sources;
#        VM_DEB_CACHE  a directory debootstrap keeps .debs in between builds (optional).
# The caller (test/vm/image.mjs) keys OUTDIR on a hash of this directory, so any edit here rebuilds.
set -eu

OUT=${1:?usage: build-image.sh OUTDIR}
HERE=$(cd "$(dirname "$0")" && pwd)
SUITE=bookworm
[ "$(id -u)" -eq 0 ] || { echo "build-image.sh: must run as root (debootstrap, chroot)" >&2; exit 1; }

# The mirror apt already uses: the first URI serving bookworm/main that is not the security archive.
host_uri() {  # $1 = suite to look for
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    # deb822 stanzas: print URIs of stanzas whose Suites contain $1 and Components contain main
    awk -v want="$1" '
      BEGIN { RS=""; FS="\n" }
      { uris=""; suites=""; comps=""
        for (i=1;i<=NF;i++) {
          if ($i ~ /^URIs:/) uris=substr($i,6)
          if ($i ~ /^Suites:/) suites=" " substr($i,8) " "
          if ($i ~ /^Components:/) comps=" " substr($i,12) " "
        }
        if (suites ~ (" " want " ") && comps ~ / main /) { split(uris,u," "); print u[1] } }' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk -v want="$1" '$1=="deb" { i=2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
      if ($(i+1)==want) { for (j=i+2;j<=NF;j++) if ($j=="main") { print $i; break } } }' "$f"
  done
}
MIRROR=${VM_DEBIAN_MIRROR:-$(host_uri "$SUITE" | head -n1)}
SECURITY=${VM_SECURITY_MIRROR:-$(host_uri "$SUITE-security" | head -n1)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY=${SECURITY:-http://deb.debian.org/debian-security}
PACKAGES=$(sed -e 's/#.*//' "$HERE/packages.txt" | tr -s ' \t\n' ' ' | sed -e 's/^ //' -e 's/ $//')

WORK="$OUT/work"
ROOT="$WORK/rootfs"
rm -rf "$WORK"
mkdir -p "$ROOT"
t0=$(date +%s)
log() { echo "build-image: [$(( $(date +%s) - t0 ))s] $*"; }
log "mirror $MIRROR, security $SECURITY"
log "packages: $PACKAGES"

cache_opt=""
if [ -n "${VM_DEB_CACHE:-}" ]; then mkdir -p "$VM_DEB_CACHE"; cache_opt="--cache-dir=$VM_DEB_CACHE"; fi

# Everything that mounts (debootstrap's /proc, our chroot binds) runs in a private mount
# namespace: when it ends, for any reason, the mounts are gone from the host.
unshare --mount --propagation private /bin/sh -eu "$HERE/make-rootfs.sh" \
  "$ROOT" "$MIRROR" "$SECURITY" "$PACKAGES" "$cache_opt" "$HERE/guest" < /dev/null

log "kernel extract"
KDEB=$(ls "$ROOT"/tmp/kernel/linux-image-*.deb)
dpkg-deb -x "$KDEB" "$WORK/kernel"
cp "$WORK"/kernel/boot/vmlinuz-* "$OUT/vmlinuz.tmp"
rm -rf "$ROOT/tmp/kernel"

log "ext4 image"
# 2G sparse; -d copies the tree with owners, modes and setgid bits (postdrop needs those).
mkfs.ext4 -q -F -L root -d "$ROOT" "$OUT/root.img.tmp" 2G

{
  echo "built $(date -u +%FT%TZ) in $(( $(date +%s) - t0 ))s"
  echo "mirror $MIRROR"
  echo "security $SECURITY"
  echo "kernel $(cat "$ROOT.kernel-package")"
  echo "rootfs $(du -sm "$ROOT" | cut -f1) MB"
  echo "--- packages"
  cat "$ROOT.packages"
} > "$OUT/manifest.txt"
mv "$OUT/vmlinuz.tmp" "$OUT/vmlinuz"
mv "$OUT/root.img.tmp" "$OUT/root.img"
rm -rf "$WORK"
log "done"
