#!/bin/sh
# Makes the VM's Debian 12 root tree in a directory: debootstrap, preseeded Postfix, packages, kernel .deb, guest units.
# Called by build-image.sh inside a private mount namespace (unshare), so every mount it makes
# disappears with it. Args: ROOT MIRROR SECURITY "PACKAGES" CACHE_OPT GUEST_DIR
set -eu
ROOT=$1 MIRROR=$2 SECURITY=$3 PACKAGES=$4 CACHE_OPT=$5 GUEST=$6
t0=$(date +%s)
log() { echo "build-image: [rootfs $(( $(date +%s) - t0 ))s] $*"; }

# Stage 1: minbase with systemd only. Postfix is installed later, after its debconf preseed.
log "debootstrap (minbase)"
debootstrap --variant=minbase --include=systemd,systemd-sysv,udev,dbus $CACHE_OPT \
  bookworm "$ROOT" "$MIRROR" > "$ROOT.debootstrap.log" 2>&1 \
  || { tail -n 40 "$ROOT.debootstrap.log" >&2; exit 1; }

mount -t proc proc "$ROOT/proc"
mount -t sysfs sysfs "$ROOT/sys"
mount --bind /dev "$ROOT/dev"
mount -t devpts devpts "$ROOT/dev/pts" -o newinstance,ptmxmode=0666
mount -t tmpfs tmpfs "$ROOT/run"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true

# Sources like a real server: the release, its updates and the security archive.
cat > "$ROOT/etc/apt/sources.list" <<SRC
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb $SECURITY bookworm-security main
SRC
# No daemon may start inside the build chroot.
printf '#!/bin/sh\nexit 101\n' > "$ROOT/usr/sbin/policy-rc.d"; chmod 755 "$ROOT/usr/sbin/policy-rc.d"

in_root() { chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
  DEBIAN_FRONTEND=noninteractive "$@"; }

log "apt-get update + install"
in_root sh -c 'echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections'
in_root apt-get update -qq
in_root apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confold $PACKAGES > "$ROOT.apt.log" 2>&1 \
  || { tail -n 40 "$ROOT.apt.log" >&2; exit 1; }
in_root apt-get dist-upgrade -y -qq -o Dpkg::Options::=--force-confold >> "$ROOT.apt.log" 2>&1 \
  || { tail -n 40 "$ROOT.apt.log" >&2; exit 1; }

# Kernel: the cloud flavour has NVMe, ext4 and the 8250 console built in, so no initramfs.
log "kernel"
kpkg=$(in_root apt-cache depends linux-image-cloud-amd64 | awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
[ -n "$kpkg" ] || { echo "cannot resolve linux-image-cloud-amd64" >&2; exit 1; }
mkdir -p "$ROOT/tmp/kernel"
in_root sh -c "cd /tmp/kernel && apt-get download -qq $kpkg"
echo "$kpkg" > "$ROOT.kernel-package"

# Guest configuration.
log "configure"
echo relayvm > "$ROOT/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\trelayvm\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$ROOT/etc/hosts"
: > "$ROOT/etc/fstab"
install -m 0755 "$GUEST/payload-run" "$ROOT/usr/local/sbin/payload-run"
install -m 0644 "$GUEST/payload-run.service" "$ROOT/etc/systemd/system/payload-run.service"
mkdir -p "$ROOT/etc/systemd/system/multi-user.target.wants"
ln -sf /etc/systemd/system/payload-run.service "$ROOT/etc/systemd/system/multi-user.target.wants/payload-run.service"
# Nothing may wait for a login or wake up on a timer during a test run.
for u in serial-getty@ttyS0.service getty@tty1.service apt-daily.timer apt-daily-upgrade.timer \
         e2scrub_all.timer e2scrub_reap.service fstrim.timer man-db.timer dpkg-db-backup.timer \
         systemd-timesyncd.service; do
  ln -sf /dev/null "$ROOT/etc/systemd/system/$u"
done
in_root dpkg-query -W -f '${Package} ${Version}\n' > "$ROOT.packages"

in_root apt-get clean
rm -rf "$ROOT/var/lib/apt/lists/"* "$ROOT/usr/sbin/policy-rc.d" "$ROOT/etc/resolv.conf"
: > "$ROOT/etc/resolv.conf"
umount "$ROOT/run" "$ROOT/dev/pts" "$ROOT/dev" "$ROOT/sys" "$ROOT/proc"
