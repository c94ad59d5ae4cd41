#!/usr/bin/env bash
# Release check: installs the .deb packages into a clean Debian 12 root (debootstrap, minbase),
# starts the family and staff editions there under Xvfb against a PostgreSQL of this machine
# named by the configuration baked into the packages, upgrades, uninstalls; prints a summary.
#
#   sudo installer/src/test/sh/check-deb-in-clean-debian.sh [--packages DIR]
#
# Without --packages it builds the three packages itself with the check's configuration
#   mvn -B -q -Pinstaller package -DskipTests -Dtutti.config.family=… -Dtutti.config.staff=…
# and moves them to installer/target/release-check/packages (it refuses to start when
# installer/target/packages already holds packages, so that the school's are never overwritten).
# With --packages DIR it takes DIR/tutti-{family,staff,relay}_*_amd64.deb, which must have been
# built with the files this script writes (--write-configs DIR writes them and exits).
#
# Needs root, debootstrap, Xvfb, Debian's postgresql-15 binaries and (for the screenshots)
# ImageMagick's import or xwd on the host; installs nothing on the host. Environment:
#   TUTTI_DEB_CACHE      reusable download cache (default /var/cache/tutti-release-check)
#   TUTTI_DEBIAN_MIRROR  Debian mirror (default http://deb.debian.org/debian)
#   TUTTI_CHECK_PG_PORT  loopback port of the throwaway PostgreSQL (default 25432, below 32768)
#   TUTTI_START_SECONDS  how long an edition may take to reach its database (default 120)
# Everything else stays under installer/target/release-check (the root, the logs, the screenshots).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../../../.." && pwd)
WORK=$REPO/installer/target/release-check
ROOT=$WORK/root
CACHE=${TUTTI_DEB_CACHE:-/var/cache/tutti-release-check}
MIRROR=${TUTTI_DEBIAN_MIRROR:-http://deb.debian.org/debian}
PG_PORT=${TUTTI_CHECK_PG_PORT:-25432}
START_SECONDS=${TUTTI_START_SECONDS:-120}
PG_BIN=/usr/lib/postgresql/15/bin
PG_SUPER_PASSWORD=release-check-superuser
FAMILY_PASSWORD=release-check-family
STAFF_PASSWORD=release-check-staff
RELAY_PASSWORD=release-check-relay
DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/tutti"
APP_USER=famille
PACKAGES=""

SCRIPT_START=$(date +%s)
declare -a SUMMARY=()
FAILED=0

say() { printf '== %s\n' "$*"; }
note() { SUMMARY+=("$*"); printf '   %s\n' "$*"; }
problem() { SUMMARY+=("FAILED: $*"); printf '!! FAILED: %s\n' "$*" >&2; FAILED=1; }
die() { printf 'check-deb-in-clean-debian: %s\n' "$*" >&2; exit 2; }

write_configs() {
  local dir=$1
  mkdir -p "$dir"
  printf '{"mode": "family",\n "database": {"url": "%s", "user": "tutti_family", "password": "%s"}}\n' \
    "$DB_URL" "$FAMILY_PASSWORD" >"$dir/family.json"
  printf '{"mode": "staff",\n "database": {"url": "%s", "user": "tutti_staff", "password": "%s"}}\n' \
    "$DB_URL" "$STAFF_PASSWORD" >"$dir/staff.json"
}

while [ $# -gt 0 ]; do
  case $1 in
    --packages) PACKAGES=$(cd "$2" && pwd); shift 2 ;;
    --write-configs) write_configs "$2"; echo "Wrote $2/family.json and $2/staff.json"; exit 0 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done

[ "$(id -u)" -eq 0 ] || die "run it as root (debootstrap, chroot and mount need it)"
for tool in debootstrap chroot mount Xvfb dpkg-deb; do
  command -v "$tool" >/dev/null || die "$tool is missing on this machine (apt-get install debootstrap xvfb)"
done
[ -x "$PG_BIN/initdb" ] || die "$PG_BIN/initdb is missing (apt-get install postgresql-15)"
SCREENSHOT_TOOL=$(command -v import || command -v xwd || true)

# ---------------------------------------------------------------- cleaning up, always
XVFB_PID=""
APP_PID=""
PG_DIR=""
unmount_root() {
  # deepest first; never delete a root that still has /dev or /proc mounted in it
  local m
  for m in $(findmnt -rn -o TARGET | grep -F "$ROOT/" | sort -r); do
    umount "$m" 2>/dev/null || umount -l "$m"
  done
}
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  if [ -n "$PG_DIR" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  fi
  [ -n "$PG_DIR" ] && rm -rf "$PG_DIR"
  [ -d "$ROOT" ] && unmount_root
  return 0
}
trap cleanup EXIT

mkdir -p "$WORK" "$CACHE/debootstrap" "$CACHE/apt-archives/partial"
write_configs "$WORK/config"

# ---------------------------------------------------------------- 1. the packages
if [ -z "$PACKAGES" ]; then
  # the check's packages name its own server: they must never be mistaken for the school's
  if ls "$REPO"/installer/target/packages/*.deb >/dev/null 2>&1; then
    die "installer/target/packages already holds packages (the school's?): move them away, or check them with --packages DIR if they were built with the files of --write-configs"
  fi
  say "Building the packages with the check's configuration"
  t0=$(date +%s)
  (cd "$REPO" && mvn -B -q -Pinstaller package -DskipTests \
      -Dtutti.config.family="$WORK/config/family.json" -Dtutti.config.staff="$WORK/config/staff.json")
  rm -rf "$WORK/packages" && mv "$REPO/installer/target/packages" "$WORK/packages"
  PACKAGES=$WORK/packages
  note "packages built in $(( $(date +%s) - t0 )) s (moved to $PACKAGES)"
fi
deb_of() { ls "$PACKAGES"/"$1"_*_amd64.deb 2>/dev/null | sort -V | tail -n 1 || true; }
FAMILY_DEB=$(deb_of tutti-family)
STAFF_DEB=$(deb_of tutti-staff)
RELAY_DEB=$(deb_of tutti-relay)
[ -n "$FAMILY_DEB" ] || die "no tutti-family_*_amd64.deb in $PACKAGES"
for deb in "$FAMILY_DEB" $STAFF_DEB $RELAY_DEB; do
  size=$(stat -c %s "$deb")
  note "$(basename "$deb"): $(( size / 1024 / 1024 )) MB ($size bytes)$([ "$size" -le $((60 * 1024 * 1024)) ] || echo ' > 60 MB target')"
done

# ---------------------------------------------------------------- 2. a clean Debian 12
say "Creating a clean Debian 12 (minbase) in $ROOT"
t0=$(date +%s)
if [ -d "$ROOT" ]; then
  unmount_root
  rm -rf --one-file-system "$ROOT"
fi
debootstrap --variant=minbase --cache-dir="$CACHE/debootstrap" bookworm "$ROOT" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
  || { tail -n 20 "$WORK/debootstrap.log"; die "debootstrap failed (log: $WORK/debootstrap.log)"; }
note "debootstrap: $(( $(date +%s) - t0 )) s"
mount -t proc proc "$ROOT/proc"
mount --bind /dev "$ROOT/dev"
mount --bind /dev/pts "$ROOT/dev/pts"
mkdir -p "$ROOT/tmp/.X11-unix" /tmp/.X11-unix
mount --bind /tmp/.X11-unix "$ROOT/tmp/.X11-unix"
mount --bind "$CACHE/apt-archives" "$ROOT/var/cache/apt/archives"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
in_root() { chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }
# keep the downloaded packages for the next run (a bare system would clean them)
rm -f "$ROOT/etc/apt/apt.conf.d/docker-clean"
echo 'APT::Keep-Downloaded-Packages "true";' >"$ROOT/etc/apt/apt.conf.d/99keep"
in_root apt-get update -qq >"$WORK/apt-update.log" 2>&1 || { cat "$WORK/apt-update.log"; die "apt-get update failed in the root"; }
in_root useradd -m -U -s /bin/bash "$APP_USER"
APP_UID=$(in_root id -u "$APP_USER")
mkdir -p "$ROOT/root/debs"

# apt-get install -y ./X.deb in the root: must succeed and print no error
apt_install() {
  local deb=$1 name log
  name=$(basename "$deb")
  log=$WORK/install-$name.log
  cp "$deb" "$ROOT/root/debs/"
  local t0; t0=$(date +%s)
  if in_root sh -c "cd /root/debs && apt-get install -y ./$name" >"$log" 2>&1 && ! grep -qE '^(E|W): |^dpkg: error' "$log"; then
    note "apt-get install ./$name: OK in $(( $(date +%s) - t0 )) s"
  else
    problem "apt-get install ./$name (log: $log)"; tail -n 20 "$log" >&2
    return 1
  fi
}

# ---------------------------------------------------------------- 3. the baked-in server
say "Starting PostgreSQL 15 on 127.0.0.1:$PG_PORT with the demo school"
PG_DIR=$(mktemp -d /tmp/tutti-release-check-pg.XXXXXX)
chown postgres:postgres "$PG_DIR"
echo "$PG_SUPER_PASSWORD" >"$PG_DIR/pw" && chown postgres "$PG_DIR/pw"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/pw" \
  --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log"; die "initdb failed"; }
rm -f "$PG_DIR/pw"
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgresql.log" -w \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null \
  || { cat "$PG_DIR/postgresql.log"; die "PostgreSQL did not start on port $PG_PORT (in use?)"; }
runuser -u postgres -- "$PG_BIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -qc "CREATE DATABASE tutti"
SCHEMA_JAR=$(ls "$REPO"/server-schema/target/tutti-schema.jar 2>/dev/null || true)
[ -n "$SCHEMA_JAR" ] || die "server-schema/target/tutti-schema.jar is missing: run mvn -B -DskipTests package first"
schema() {
  java -jar "$SCHEMA_JAR" "$@" --url "$DB_URL" --user postgres --password "$PG_SUPER_PASSWORD" >>"$WORK/schema.log" 2>&1 \
    || { tail -n 5 "$WORK/schema.log"; die "tutti-schema $1 failed (log: $WORK/schema.log)"; }
}
t0=$(date +%s)
: >"$WORK/schema.log"
schema migrate
schema harden
schema seed-demo --families 40
schema role-password tutti_family "$FAMILY_PASSWORD"
schema role-password tutti_staff "$STAFF_PASSWORD"
schema role-password tutti_relay "$RELAY_PASSWORD"
note "server migrated, hardened and seeded in $(( $(date +%s) - t0 )) s"

# Xvfb takes the first free display number and writes it once it accepts clients
: >"$WORK/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$WORK/display" 2>"$WORK/xvfb.log" &
XVFB_PID=$!
for _ in $(seq 100); do [ -s "$WORK/display" ] && break; sleep 0.1; done
[ -s "$WORK/display" ] || die "Xvfb did not start (log: $WORK/xvfb.log)"
DISPLAY=:$(tr -d '[:space:]' <"$WORK/display")
seconds_since() { awk -v now="$(date +%s%3N)" -v t0="$1" 'BEGIN { printf "%.1f", (now - t0) / 1000 }'; }

# start_edition NAME: runs /opt/NAME/bin/NAME as $APP_USER under Xvfb until it reached its
# database ("Backend ready (2 sites, demo=false)"), takes a screenshot, stops it.
start_edition() {
  local name=$1 label=$2
  local data=$ROOT/home/$APP_USER/.local/share/tutti
  local log=$data/logs/tutti.log before=0 output=$WORK/$name-$label.out
  [ -f "$log" ] && before=$(wc -l <"$log")
  local t0; t0=$(date +%s%3N)
  chroot --userspec="$APP_UID:$APP_UID" "$ROOT" /usr/bin/env -i HOME="/home/$APP_USER" USER="$APP_USER" \
    DISPLAY="$DISPLAY" LANG=C.UTF-8 PATH=/usr/bin:/bin "/opt/$name/bin/$name" >"$output" 2>&1 &
  APP_PID=$!
  local shown="" ready="" deadline=$(( $(date +%s) + START_SECONDS ))
  # grep -c reads its whole input (grep -q would end tail with SIGPIPE, a failure under pipefail)
  logged() { [ -f "$log" ] && tail -n +"$((before + 1))" "$log" | grep -cF "$1" >/dev/null; }
  while [ "$(date +%s)" -lt "$deadline" ] && kill -0 "$APP_PID" 2>/dev/null; do
    if [ -z "$shown" ] && logged 'Login window shown'; then shown=$(seconds_since "$t0"); fi
    if logged 'Backend ready (2 sites, demo=false)'; then ready=$(seconds_since "$t0"); break; fi
    logged ' ERROR ' && break
    sleep 0.2
  done
  if [ -n "$ready" ] && kill -0 "$APP_PID" 2>/dev/null; then
    note "$name ($label): login window after ${shown:-?} s, backend ready (baked-in server) after $ready s"
    sleep 1
    local picture=""
    case $SCREENSHOT_TOOL in
      */import) picture=$WORK/$name-$label.png; import -display "$DISPLAY" -window root "$picture" ;;
      */xwd) picture=$WORK/$name-$label.xwd; xwd -display "$DISPLAY" -root -out "$picture" ;;
    esac
    [ -n "$picture" ] && note "screenshot: $picture"
  else
    problem "$name ($label) did not reach its database within $START_SECONDS s (output: $output, log: $log)"
    tail -n 15 "$output" "$log" >&2 2>/dev/null || true
  fi
  local missing
  missing=$(grep -ohE "(ClassNotFoundException|NoClassDefFoundError|Unsupported JavaFX configuration|UnsatisfiedLinkError)[^;]*(; [^:]*: cannot open shared object file)?" \
    "$output" "$log" 2>/dev/null | sort -u | head -n 3 || true)
  if [ -n "$missing" ]; then
    problem "$name ($label) printed a missing class or library (output: $output): $(echo "$missing" | tr '\n' ' ')"
  fi
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

# data_sums: checksum of every file of the user's data folder but the log (which each start extends)
data_sums() {
  (cd "$ROOT/home/$APP_USER/.local/share/tutti" && find . -type f ! -path './logs/*' -print0 | sort -z | xargs -0 sha256sum)
}

# ---------------------------------------------------------------- 4. the family edition
say "Family edition: install, start, upgrade, uninstall"
if apt_install "$FAMILY_DEB"; then
  [ -x "$ROOT/opt/tutti-family/bin/tutti-family" ] && note "launcher /opt/tutti-family/bin/tutti-family present" \
    || problem "/opt/tutti-family/bin/tutti-family is missing"
  [ -f "$ROOT/opt/tutti-family/lib/app/tutti.json" ] && note "baked-in tutti.json present in /opt/tutti-family/lib/app" \
    || problem "no baked-in /opt/tutti-family/lib/app/tutti.json"
  [ -f "$ROOT/usr/share/applications/tutti-family.desktop" ] \
    && note "desktop entry: $(grep -m1 '^Name=' "$ROOT/usr/share/applications/tutti-family.desktop")" \
    || problem "no /usr/share/applications/tutti-family.desktop"
  icons=$(find "$ROOT/usr/share/icons/hicolor" -name 'tutti-family.*' 2>/dev/null | wc -l)
  [ "$icons" -gt 0 ] && note "icon in the hicolor theme ($icons sizes)" || problem "no tutti-family icon in /usr/share/icons/hicolor"

  start_edition tutti-family first-start
  # the user's preferences, as the accessibility window saves them
  data=$ROOT/home/$APP_USER/.local/share/tutti
  printf 'accessible=true\ncontrast=dark\ntextSize=150\n' >"$data/display.properties"
  chroot "$ROOT" chown -R "$APP_USER:$APP_USER" "/home/$APP_USER/.local"
  sums_before=$(data_sums)

  say "Upgrade to a higher version of the same package"
  version=$(dpkg-deb -f "$FAMILY_DEB" Version)
  upgraded_version="$version.1"
  rm -rf "$WORK/repack" && dpkg-deb -R "$FAMILY_DEB" "$WORK/repack"
  sed -i "s/^Version: .*/Version: $upgraded_version/" "$WORK/repack/DEBIAN/control"
  upgraded_deb=$WORK/tutti-family_${upgraded_version}_amd64.deb
  dpkg-deb -Zgzip -z1 -b "$WORK/repack" "$upgraded_deb" >/dev/null && rm -rf "$WORK/repack"
  if apt_install "$upgraded_deb"; then
    installed=$(in_root dpkg-query -W -f='${Version}' tutti-family)
    [ "$installed" = "$upgraded_version" ] && note "upgraded $version -> $installed" || problem "installed version is $installed, not $upgraded_version"
    [ "$(data_sums)" = "$sums_before" ] && note "data folder and display.properties unchanged by the upgrade" \
      || problem "the upgrade changed the user's data folder"
    start_edition tutti-family after-upgrade
    grep -q '^textSize=150' "$data/display.properties" && note "preferences still there after the upgraded app ran" \
      || problem "display.properties lost after the upgrade"
    sums_before=$(data_sums)
  fi

  say "Uninstall"
  t0=$(date +%s)
  if in_root apt-get remove -y tutti-family >"$WORK/remove-tutti-family.log" 2>&1; then
    note "apt-get remove tutti-family: OK in $(( $(date +%s) - t0 )) s"
  else
    problem "apt-get remove tutti-family (log: $WORK/remove-tutti-family.log)"
  fi
  [ ! -e "$ROOT/opt/tutti-family" ] && note "/opt/tutti-family is gone" || problem "/opt/tutti-family is left: $(find "$ROOT/opt/tutti-family" | sort | head -n 5 | tr '\n' ' ' || true)"
  [ ! -e "$ROOT/usr/share/applications/tutti-family.desktop" ] && note "desktop entry gone" || problem "the desktop entry is left"
  left=$(find "$ROOT/usr/share/icons" -name 'tutti-family.*' | wc -l)
  [ "$left" -eq 0 ] && note "icon gone" || problem "$left icons left in /usr/share/icons"
  status=$(in_root dpkg-query -W -f='${db:Status-Abbrev}' tutti-family 2>/dev/null || echo "un")
  listed=$(in_root dpkg-query -L tutti-family 2>/dev/null | grep -c . || true)
  in_root apt-get purge -y tutti-family >>"$WORK/remove-tutti-family.log" 2>&1 || problem "apt-get purge tutti-family"
  [ -z "$(in_root dpkg-query -W -f='${db:Status-Abbrev}' tutti-family 2>/dev/null)" ] \
    && note "dpkg after remove: status '${status% }', $listed files listed; after purge: unknown to dpkg" \
    || problem "dpkg still knows tutti-family after purge"
  [ "$(data_sums)" = "$sums_before" ] && note "the user's data folder remains ($(find "$data" -type f | wc -l) files)" \
    || problem "uninstalling touched the user's data folder"
fi

# ---------------------------------------------------------------- 5. the staff edition
say "Staff edition"
if [ -z "$STAFF_DEB" ]; then
  problem "no tutti-staff_*_amd64.deb in $PACKAGES"
elif apt_install "$STAFF_DEB"; then
  [ -f "$ROOT/usr/share/applications/tutti-staff.desktop" ] \
    && note "desktop entry: $(grep -m1 '^Name=' "$ROOT/usr/share/applications/tutti-staff.desktop")" \
    || problem "no /usr/share/applications/tutti-staff.desktop"
  start_edition tutti-staff first-start
  in_root apt-get purge -y tutti-staff >"$WORK/remove-tutti-staff.log" 2>&1 && [ ! -e "$ROOT/opt/tutti-staff" ] \
    && note "tutti-staff removed, /opt/tutti-staff gone" || problem "removing tutti-staff (log: $WORK/remove-tutti-staff.log)"
fi

# ---------------------------------------------------------------- 6. the relay
say "Relay"
if [ -z "$RELAY_DEB" ]; then
  problem "no tutti-relay_*_amd64.deb in $PACKAGES"
elif apt_install "$RELAY_DEB"; then
  unit=""
  for candidate in lib/systemd/system/tutti-relay.service usr/lib/systemd/system/tutti-relay.service; do
    [ -f "$ROOT/$candidate" ] && unit=/$candidate
  done
  [ -n "$unit" ] && note "systemd unit $unit: $(grep -E '^(ExecStart|Restart|User)=' "$ROOT$unit" | tr '\n' ' ')" \
    || problem "no tutti-relay.service in /lib/systemd/system"
  in_root getent passwd tutti-relay >/dev/null && note "system user tutti-relay created" || problem "no user tutti-relay"
  example=$(find "$ROOT/etc/tutti" "$ROOT/opt/tutti-relay" "$ROOT/usr/share/doc/tutti-relay" -name 'tutti-relay*.json*' 2>/dev/null | sort | head -n 1 || true)
  [ -n "$example" ] && note "relay configuration example: ${example#"$ROOT"}" || problem "no example of /etc/tutti/tutti-relay.json shipped"
  if in_root /opt/tutti-relay/bin/tutti-schema --help >"$WORK/tutti-schema-help.log" 2>&1; then
    note "tutti-schema --help runs in the root"
  else
    problem "tutti-schema --help (log: $WORK/tutti-schema-help.log)"
  fi
  if in_root /opt/tutti-relay/bin/tutti-schema check --url "$DB_URL" --user postgres --password "$PG_SUPER_PASSWORD" \
      >"$WORK/tutti-schema-check.log" 2>&1; then
    note "tutti-schema check against the server: $(grep -c OK "$WORK/tutti-schema-check.log") items OK"
  else
    problem "tutti-schema check against the server (log: $WORK/tutti-schema-check.log)"
  fi
  in_root apt-get remove -y tutti-relay >"$WORK/remove-tutti-relay.log" 2>&1 && [ ! -e "$ROOT/opt/tutti-relay/bin" ] \
    && note "tutti-relay removed" || problem "removing tutti-relay (log: $WORK/remove-tutti-relay.log)"
fi

# ---------------------------------------------------------------- summary
echo
echo "Release check summary ($(basename "$FAMILY_DEB"), root: $ROOT)"
printf '  %s\n' "${SUMMARY[@]}"
echo "  total: $(( $(date +%s) - SCRIPT_START )) s"
if [ "$FAILED" -ne 0 ]; then
  echo "RELEASE CHECK FAILED"
  exit 1
fi
echo "RELEASE CHECK PASSED"
