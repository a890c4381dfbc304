#!/usr/bin/env bash
# Installs the database and directory servers the tests start themselves (PostgreSQL for the sql backend) from Debian's packages; does nothing when they are there.
set -euo pipefail

# One package per server; the check below names the binary each one brings.
PACKAGES=(postgresql)

missing=()
for package in "${PACKAGES[@]}"; do
  case "$package" in
    postgresql) compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=("$package") ;;
    *) dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package") ;;
  esac
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "servers installed: ${PACKAGES[*]}"
  exit 0
fi

echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
sudo_if_needed apt-get update -q
# --no-install-recommends keeps it small; the tests start their own throwaway clusters, never the system one.
sudo_if_needed apt-get install -y -q --no-install-recommends "${missing[@]}"
