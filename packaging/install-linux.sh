#!/usr/bin/env bash
# Install the built bundle for the current user, no root needed; --uninstall removes exactly what
# an install put there. Usage: install-linux.sh [--uninstall] [BUNDLE_DIR]
# Run from a checkout (packaging/install-linux.sh, bundle in dist/Ashore) or from an unpacked
# release archive (Ashore/install-linux.sh, the bundle is the script's own folder).
set -euo pipefail

APP_ID="io.github.ashore.Ashore"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
opt_dir="$HOME/.local/opt/ashore"
apps_dir="$data_home/applications"
icons_dir="$data_home/icons/hicolor"
metainfo_dir="$data_home/metainfo"
sizes=(16 24 32 48 64 128 256 512)

refresh_caches() {
  # Menus and icon themes pick up the change sooner with fresh caches; both tools are optional.
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$apps_dir" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [[ -f "$icons_dir/index.theme" ]]; then
    gtk-update-icon-cache -q -t "$icons_dir" 2>/dev/null || true
  fi
}

uninstall_app() {
  rm -rf -- "$opt_dir"
  rm -f -- "$apps_dir/$APP_ID.desktop" "$metainfo_dir/$APP_ID.metainfo.xml" \
    "$icons_dir/scalable/apps/$APP_ID.svg"
  for size in "${sizes[@]}"; do
    rm -f -- "$icons_dir/${size}x${size}/apps/$APP_ID.png"
  done
  refresh_caches
  echo "Ashore removed (your data in ${XDG_DATA_HOME:-$HOME/.local/share}/Ashore is kept)."
}

install_app() {
  local bundle="${1:-}"
  if [[ -z "$bundle" ]]; then
    if [[ -x "$here/Ashore" ]]; then bundle="$here"; else bundle="$(dirname "$here")/dist/Ashore"; fi
  fi
  if [[ ! -x "$bundle/Ashore" ]]; then
    echo "install-linux.sh: $bundle/Ashore not found; build it first with 'make package'" >&2
    exit 1
  fi
  bundle="$(cd "$bundle" && pwd)"
  # The bundle carries its own desktop entry, metainfo and icons (see packaging/ashore.spec).
  local share="$bundle/_internal/share" icons="$bundle/_internal/resources/icons"
  # Copy to a fresh folder and swap it in, so a failed copy never leaves half an app behind.
  mkdir -p "$(dirname "$opt_dir")"
  rm -rf -- "$opt_dir.new"
  cp -a -- "$bundle" "$opt_dir.new"
  rm -rf -- "$opt_dir"
  mv -- "$opt_dir.new" "$opt_dir"

  local exe="$opt_dir/Ashore"
  mkdir -p "$apps_dir" "$metainfo_dir" "$icons_dir/scalable/apps"
  # Exec must point at the installed executable (quoted: the path may contain spaces).
  sed -e "s|^Exec=.*|Exec=\"$exe\"|" -e "s|^TryExec=.*||" \
    "$share/applications/$APP_ID.desktop" >"$apps_dir/$APP_ID.desktop"
  chmod 0644 "$apps_dir/$APP_ID.desktop"
  install -m 0644 "$share/metainfo/$APP_ID.metainfo.xml" "$metainfo_dir/$APP_ID.metainfo.xml"
  install -m 0644 "$icons/$APP_ID.svg" "$icons_dir/scalable/apps/$APP_ID.svg"
  for size in "${sizes[@]}"; do
    mkdir -p "$icons_dir/${size}x${size}/apps"
    install -m 0644 "$icons/hicolor/${size}x${size}/apps/$APP_ID.png" \
      "$icons_dir/${size}x${size}/apps/$APP_ID.png"
  done
  refresh_caches
  echo "Ashore installed in $opt_dir; it is in your applications menu."
}

case "${1:-}" in
  --uninstall) uninstall_app ;;
  -h | --help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) install_app "${1:-}" ;;
esac
