#!/usr/bin/env bash
# Installs the Debian server packages the tests start (throwaway PostgreSQL and slapd on 127.0.0.1); apt only when a binary is missing.
set -euo pipefail

# One package per line: "package:binary that proves it is installed" (a glob where the path holds a version).
PACKAGES=(
  postgresql:/usr/lib/postgresql/*/bin/initdb
  slapd:/usr/sbin/slapd
  ldap-utils:/usr/bin/ldapsearch
)

missing=()
for entry in "${PACKAGES[@]}"; do
  package=${entry%%:*}
  binary=${entry#*:}
  compgen -G "$binary" >/dev/null || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
  echo "install-servers: all present (${PACKAGES[*]%%:*})"
  exit 0
fi

sudo=()
((EUID == 0)) || sudo=(sudo)
echo "install-servers: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
# slapd's postinst may start a system slapd on port 389 and postgresql's a cluster on 5432: the tests start their own.
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
