#!/usr/bin/env bash
# Runs the built bundle as a volunteer's laptop would, with no network at all (a network namespace
# of its own, no interface up):
#   1. `allervers --self-test` offscreen, then on X11 under Xvfb;
#   2. the time from start to the unlock window, on X11 (median of 5 starts; wall clock and the
#      CPU time the process used until then);
#   3. screenshots of the unlock window and of the main window after unlocking.
#
#   packaging/check_bundle.sh [BUNDLE_FOLDER]      (default dist/allervers; after dev.py package)
#
# Needs: unshare and ip (util-linux, iproute2), Xvfb, xdotool, ImageMagick's `import`, bc.
# Screenshots and logs go to build/check/. Exit status 0 when every check passed.
set -euo pipefail
export LC_NUMERIC=C

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${CHECK_OUT:-$ROOT/build/check}
STARTS=${CHECK_STARTS:-5}
DISPLAY_NUMBER=${CHECK_DISPLAY:-97}
PASSPHRASE="vérification du paquet $(date +%s) 4f9c"   # synthetic workspace, thrown away

if [[ "${1:-}" != "--inside" ]]; then
    BUNDLE=$(realpath "${1:-$ROOT/dist/allervers}")
    [[ -x "$BUNDLE/allervers" ]] || { echo "No bundle at $BUNDLE: run python3 dev.py package." >&2; exit 2; }
    for tool in unshare ip Xvfb xdotool import bc; do
        command -v "$tool" >/dev/null || { echo "Missing tool: $tool" >&2; exit 2; }
    done
    mkdir -p "$OUT"
    # A new network namespace holds only a loopback interface, down: nothing can go out.
    if [[ $(id -u) -eq 0 ]]; then isolate=(unshare --net); else isolate=(unshare --user --map-root-user --net); fi
    exec "${isolate[@]}" -- "$0" --inside "$BUNDLE"
fi

BUNDLE=$2
EXE=$BUNDLE/allervers
WORK=$(mktemp -d /tmp/allervers-check-XXXXXX)
XVFB_PID=""
APP_PID=""
cleanup() {
    [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null || true
    [[ -n "$XVFB_PID" ]] && kill "$XVFB_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
export HOME=$WORK/home ALLERVERS_HOME=$WORK/allervers
mkdir -p "$HOME"

echo "== Network inside the check: $(ip -brief link | tr -s ' ' | paste -sd ';')"
if [[ -n "$(ip -oneline link show up)" ]]; then echo "An interface is up: not isolated." >&2; exit 1; fi

echo "== Self-test, offscreen"
env -u DISPLAY QT_QPA_PLATFORM=offscreen "$EXE" --self-test | tee "$OUT/self-test-offscreen.txt"

echo "== Self-test, X11 under Xvfb"
Xvfb ":$DISPLAY_NUMBER" -screen 0 1280x800x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
XVFB_PID=$!
export DISPLAY=":$DISPLAY_NUMBER"
for _ in $(seq 100); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
QT_QPA_PLATFORM=xcb "$EXE" --self-test | tee "$OUT/self-test-xcb.txt"

echo "== Time from start to the unlock window (X11)"
ALLERVERS_PASSPHRASE=$PASSPHRASE "$EXE" init --territory "Vérification" --user marie >/dev/null
export ALLERVERS_USER=marie
unset QT_QPA_PLATFORM
start_app() {  # starts the app; sets WALL and CPU once the unlock window is visible
    local start end stat ticks
    start=$(date +%s.%N)
    "$EXE" >>"$OUT/app.log" 2>&1 &
    APP_PID=$!
    until xdotool search --onlyvisible --name "déverrouiller" >/dev/null 2>&1; do
        kill -0 "$APP_PID" 2>/dev/null || { echo "The application stopped (build/check/app.log)." >&2; exit 1; }
        sleep 0.01
    done
    end=$(date +%s.%N)
    read -r -a stat <"/proc/$APP_PID/stat"
    ticks=$(getconf CLK_TCK)
    WALL=$(echo "$end - $start" | bc)
    CPU=$(echo "scale=3; (${stat[13]} + ${stat[14]}) / $ticks" | bc)
}
stop_app() {
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
}
walls=()
for i in $(seq "$STARTS"); do
    start_app
    printf '   start %d: %.2f s (CPU %.2f s)\n' "$i" "$WALL" "$CPU"
    walls+=("$WALL")
    stop_app
done
median=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (STARTS + 1) / 2 ))p")
printf 'Unlock window after %.2f s (median of %d starts; load average %s)\n' \
    "$median" "$STARTS" "$(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/startup.txt"

echo "== Screenshots"
start_app
sleep 1
import -window root "$OUT/unlock.png"
window=$(xdotool search --onlyvisible --name "déverrouiller" | head -1)
xdotool windowfocus --sync "$window"
xdotool type --delay 15 "$PASSPHRASE"
xdotool key Return
for _ in $(seq 600); do
    xdotool search --onlyvisible --name "^Aller-Vers\$" >/dev/null 2>&1 && break
    sleep 0.1
done
sleep 3
import -window root "$OUT/main-window.png"
stop_app
echo "Screenshots: $OUT/unlock.png, $OUT/main-window.png"
echo "All bundle checks passed."
