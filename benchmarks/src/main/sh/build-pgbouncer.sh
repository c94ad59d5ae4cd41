#!/bin/sh
# Builds PgBouncer 1.24.1, the version Debian 13 packages, from its source on Debian 12 (whose own
# package is 1.18, too old to keep prepared statements in transaction mode), for the load section's
# mode pgbouncer-prepared. The source is the upstream tarball of Debian 13's source package (Debian's
# own patches are not applied), checked against the archive's SHA-256.
# Usage, as root: benchmarks/src/main/sh/build-pgbouncer.sh [prefix]   (default /var/tmp/tutti-bench/pgbouncer)
set -eu
version=1.24.1
sha256=da72a3aba13072876d055a3e58dd4aba4a5de4ed6148e73033185245598fd3e0
prefix=${1:-/var/tmp/tutti-bench/pgbouncer}

DEBIAN_FRONTEND=noninteractive apt-get install -y -q build-essential pkg-config curl \
    libevent-dev libc-ares-dev libssl-dev libsystemd-dev >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -fsSL -o "$work/pgbouncer.tar.gz" \
    "http://deb.debian.org/debian/pool/main/p/pgbouncer/pgbouncer_${version}.orig.tar.gz"
echo "$sha256  $work/pgbouncer.tar.gz" | sha256sum -c --quiet -
tar -xzf "$work/pgbouncer.tar.gz" -C "$work"
cd "$work/pgbouncer-$version"
./configure --prefix="$prefix" --with-cares --with-systemd >/dev/null
make -j"$(nproc)" >/dev/null
make install >/dev/null
"$prefix/bin/pgbouncer" --version | head -1
