#!/bin/sh
# Builds Tutti's packages of this system (Linux: three .deb) into installer/target/packages.
# See installer/README.md.
#
#   installer/build-packages.sh [--family FILE] [--staff FILE] [--version X.Y.Z] [extra Maven options]
#
#   --family FILE   IT's tutti.json for families ("mode": "family"), its CA certificate beside it
#   --staff FILE    IT's tutti.json for the front desk ("mode": "staff")
#   --version V     the packages' version (default: the project's, without -SNAPSHOT)
# Without --family/--staff an edition has no baked file: it reads /etc/tutti/tutti.json, the
# user's file, or runs the embedded demo.
set -eu
cd "$(dirname "$0")/.."
set -- "$@" ""
options=""
while [ -n "${1:-}" ]; do
  case "$1" in
    --family) options="$options -Dtutti.config.family=$(realpath "$2")"; shift 2 ;;
    --staff) options="$options -Dtutti.config.staff=$(realpath "$2")"; shift 2 ;;
    --version) options="$options -Dtutti.package.version=$2"; shift 2 ;;
    *) options="$options $1"; shift ;;
  esac
done
# shellcheck disable=SC2086
mvn -B -Pinstaller package -DskipTests $options
ls -l installer/target/packages
