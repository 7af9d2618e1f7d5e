#!/usr/bin/env bash
# Device-side runner (the `run` tool's GPU machine: no Node, no Chromium, no network).
# Run from the repo root, one part of the bundle carried per call (.gpu/a, .gpu/b, ...):
#   bash tests/bench/gpu/run.sh                          # stash the carried part(s), nothing else
#   bash tests/bench/gpu/run.sh DIR PATH EXPR [FLAGSET..] # + unpack, serve DIR, open PATH, await EXPR
# e.g. bash tests/bench/gpu/run.sh tests/bench/gpu '/probe.html' 'window.probe' angle-vulkan egl
# FLAGSETs are cdp.py's (angle-vulkan, vulkan, egl; default angle-vulkan); add
# CDP_ARGS='--uncap' (or other cdp.py options) through the environment.
# Writes $OUT/result-FLAGSET.json, $OUT/chrome-FLAGSET.log (tail) and $OUT/env.txt.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$PWD
P=/opt/cr-parts CR=/opt/cr OUT=${OUT:-/tmp/out}
mkdir -p $P "$OUT"

# 1. Stash carried parts outside the tree (kept while the machine stays warm, ~30 s after a call).
for f in .gpu/*/cr.tar.xz.part-*; do [ -e $P/${f##*/} ] || cp "$f" $P/; done 2>/dev/null
have=$(cd $P && sha256sum --quiet -c "$HERE/bundle.sha256" >/dev/null 2>&1 && echo all)
echo "parts here: $(ls $P | tr '\n' ' ')${have:+(complete)}"
[ $# -eq 0 ] && exit 0

# 2. Unpack once: Chromium 156 (Debian bookworm), the libraries it needs, fonts, GL/Vulkan loaders.
if [ ! -x $CR/chromium/chromium ]; then
  [ -n "$have" ] || { echo "bundle incomplete: carry the missing .gpu parts first"; exit 3; }
  cat $P/cr.tar.xz.part-* | xz -dc -T0 | tar -x -C /opt || exit 4
  for f in $CR/gl/*.deb; do dpkg -x "$f" /; done; ldconfig   # glvnd + Vulkan loaders, to / as the device README says
  # Link only the libraries the image lacks, so its own (newer) copies win.
  mkdir -p $CR/ld; ldconfig -p >/tmp/ldcache
  for l in $CR/lib/*; do grep -q "^[[:space:]]$(basename "$l") " /tmp/ldcache || ln -sf "$l" $CR/ld/; done
  printf '<fontconfig><dir>%s/fonts</dir><dir>/usr/share/fonts</dir><cachedir>/tmp/fc</cachedir></fontconfig>\n' $CR >$CR/fonts.conf
fi
export LD_LIBRARY_PATH=$CR/ld FONTCONFIG_FILE=$CR/fonts.conf
nv=/usr/local/nvidia/share
[ -f $nv/vulkan/icd.d/nvidia_icd.json ] && export VK_DRIVER_FILES=$nv/vulkan/icd.d/nvidia_icd.json
[ -f $nv/glvnd/egl_vendor.d/10_nvidia.json ] && export __EGL_VENDOR_LIBRARY_FILENAMES=$nv/glvnd/egl_vendor.d/10_nvidia.json
{ nvidia-smi -L; $CR/chromium/chromium --version; echo "linked from bundle: $(ls $CR/ld | wc -l) libs"
  ldd $CR/chromium/chromium | grep 'not found'; env | grep -E '^(VK_|__EGL|LD_LIB)'; } >"$OUT/env.txt" 2>&1
cat "$OUT/env.txt"

# 3. Serve DIR on localhost and drive Chromium once per flag set.
DIR=$1 URLPATH=$2 EXPR=$3; shift 3
PORT=8123
python3 -m http.server $PORT --bind 127.0.0.1 --directory "$ROOT/$DIR" >/tmp/http.log 2>&1 &
HTTP=$!
for i in $(seq 50); do python3 -c "import socket;socket.create_connection(('127.0.0.1',$PORT))" 2>/dev/null && break; sleep 0.1; done
rc=0
for fs in ${@:-angle-vulkan}; do
  python3 "$HERE/cdp.py" $CR/chromium/chromium "http://127.0.0.1:$PORT$URLPATH" "$EXPR" --flags "$fs" \
    --out "$OUT/result-$fs.json" --log /tmp/chrome-$fs.log ${CDP_ARGS:-} || rc=1
  tail -c 20000 /tmp/chrome-$fs.log >"$OUT/chrome-$fs.log"
done
kill $HTTP
exit $rc
