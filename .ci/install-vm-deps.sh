#!/bin/sh
# Installs the host tools the VM test (test/vm) needs: qemu (TCG), debootstrap, e2fsprogs, rsync.
# Idempotent: does nothing when every tool is already on PATH (CI runs it before each test:vm).
set -eu

need=""
have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/sbin/$1" ]; }
have qemu-system-x86_64 || need="$need qemu-system-x86"
have debootstrap || need="$need debootstrap"
have mkfs.ext4 || need="$need e2fsprogs"
have debugfs || need="$need e2fsprogs"
have rsync || need="$need rsync"
have dpkg-deb || need="$need dpkg"
# debootstrap verifies Release files with this keyring; it is on every Debian host but be explicit.
[ -f /usr/share/keyrings/debian-archive-keyring.gpg ] || need="$need debian-archive-keyring"

if [ -z "$need" ]; then
  echo "install-vm-deps: all present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-vm-deps: installing$need"
# --no-install-recommends: qemu-system-x86 otherwise pulls in a GUI stack we never use (-display none).
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need
