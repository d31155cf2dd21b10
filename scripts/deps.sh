#!/usr/bin/env bash
# Installs the system libraries factquiz needs on Debian/Ubuntu: what the window opens
# (OpenGL, X11, Wayland keyboard) and, with --test, a virtual display for the screenshot tests.
# Does nothing for what is already there.
set -euo pipefail
want=(libgl1 libegl1 libgl1-mesa-dri libx11-6 libxcursor1 libxrandr2 libxi6 libxkbcommon0 libxkbcommon-x11-0 libwayland-client0)
if [ "${1:-}" = "--test" ]; then
  want+=(xvfb xauth python3)
fi
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "factquiz: please install: ${missing[*]} (no apt-get here)" >&2
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "factquiz: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
