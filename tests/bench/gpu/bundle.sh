#!/usr/bin/env bash
# Builds what the GPU machine needs to run the frame bench, here, before any device time is spent:
# the machine has no Chromium, no Node and no network. The bundle holds Debian's Chromium, the
# libraries it links (run.sh links only those the machine lacks), a few fonts and the GL/Vulkan
# loader packages, as xz parts small enough to travel with the working tree in one device call
# each (64 MiB a call, the tree included): .gpu/a/cr.tar.xz.part-aa, .gpu/b/…-ab, …
# It writes tests/bench/gpu/bundle.sha256, which run.sh checks before unpacking.
#
#   bash tests/bench/gpu/bundle.sh            # from the repo root, as root (apt-get download)
#
# Then, on the device: one call per part, `carry: [".gpu/a"]` with `bash tests/bench/gpu/run.sh`
# alone (it stashes the part), then ".gpu/b", …; the last call carries its part and ".gpu/app" and
# runs the bench: bash tests/bench/gpu/run.sh .gpu/app '/stage.html?bare' \
#   'window.percorsoStage && window.percorsoStage.bench(150)'   (with CDP_ARGS='--timeout 480')
set -euo pipefail
ROOT=$PWD
HERE=$(cd "$(dirname "$0")" && pwd)
[ -d "$ROOT/.git" ] || { echo "run from the repository root" >&2; exit 2; }
[ -x /usr/lib/chromium/chromium ] || apt-get install -y chromium

# The room a part has: 64 MiB a call, less the tracked tree and 4 MiB to spare (untracked files,
# the built app that travels with the last call).
tree=$(git ls-files -z | du --files0-from=- -cb 2>/dev/null | tail -1 | cut -f1)
part=$(( (64 << 20) - tree - (4 << 20) ))
[ "$part" -ge $((4 << 20)) ] || { echo "the tree ($((tree >> 20)) MiB) leaves no room for a part" >&2; exit 3; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cr=$work/cr
mkdir -p "$cr/lib" "$cr/gl" "$cr/fonts"
cp -a /usr/lib/chromium "$cr/chromium"
# Vulkan's validation layer and mock driver are for debugging Chromium, not for drawing.
rm -f "$cr"/chromium/libVkLayer_khronos_validation.so "$cr"/chromium/libVkICD_mock_icd.so

# Every library Chromium and its own modules link, glibc's excepted: the machine's glibc must win.
for binary in "$cr/chromium/chromium" "$cr"/chromium/*.so*; do ldd "$binary" 2>/dev/null || true; done |
  awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | sort -u |
  grep -vE '/(libc|libm|libdl|libpthread|librt|libresolv|ld-linux[^/]*)\.so' |
  while read -r lib; do cp -L "$lib" "$cr/lib/"; done

cp -L /usr/share/fonts/truetype/dejavu/DejaVuSans*.ttf "$cr/fonts/" 2>/dev/null || true
# The loaders (the device README's list); NVIDIA's driver brings its own ICD and EGL vendor files.
(cd "$cr/gl" && apt-get download libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2 >/dev/null)

echo "compressing $(du -sh "$cr" | cut -f1) (Chromium $(/usr/lib/chromium/chromium --version 2>/dev/null | awk '{print $2}')) into parts of $((part >> 20)) MiB"
tar -C "$work" -c cr | xz -6 -T0 | split -b "$part" -a 2 - "$work/cr.tar.xz.part-"

rm -rf "$ROOT/.gpu"
letters=(a b c d e f g h i j k l m n o p q r s t u v w x y z)
i=0
for piece in "$work"/cr.tar.xz.part-*; do
  mkdir -p "$ROOT/.gpu/${letters[$i]}"
  mv "$piece" "$ROOT/.gpu/${letters[$i]}/"
  i=$((i + 1))
done
(cd "$ROOT/.gpu" && sha256sum -- */cr.tar.xz.part-* | sed -E 's#  [a-z]/#  #') >"$HERE/bundle.sha256"

# The scene viewer the bench opens, built as `npm run bench` builds it, with only what
# /stage.html loads (no audio, fonts or source maps): it travels with the last call, in the spare.
npx vite build --logLevel warn --outDir "$work/app" --emptyOutDir >/dev/null
mkdir -p "$ROOT/.gpu/app/assets"
cp "$work/app/stage.html" "$ROOT/.gpu/app/"
cp "$work"/app/assets/*.js "$work"/app/assets/*.css "$ROOT/.gpu/app/assets/"
echo "$i parts in .gpu/ ($(du -sh "$ROOT/.gpu" | cut -f1)), the scene viewer in .gpu/app ($(du -sh "$ROOT/.gpu/app" | cut -f1)); checksums in tests/bench/gpu/bundle.sha256"
