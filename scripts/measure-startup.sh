#!/usr/bin/env bash
# Measures the release build: binary size, start-up time (launch to the first
# interactive screen, reported by the UI through the `ui_ready` command) and idle
# resident memory, under Xvfb. Prints each figure beside its target and as a ratio.
#
#   scripts/measure-startup.sh [RUNS]      (default 5 runs; needs Xvfb and dbus-x11)
#
# Beside each figure it shows the same figure for a blank Tauri window
# (examples/baseline_window.rs) measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"

cargo build --release --features custom-protocol -p maarid -p maarid-cli --quiet
cargo build --release --features custom-protocol -p maarid --example baseline_window --quiet
app="$CARGO_TARGET_DIR/release/maarid"
cli="$CARGO_TARGET_DIR/release/maarid-cli"
baseline="$CARGO_TARGET_DIR/release/examples/baseline_window"

work="$(mktemp -d)"
cleanup() { kill "${xvfb_pid:-}" "${DBUS_SESSION_BUS_PID:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# A set-up database, so the first screen is the everyday one: the login screen.
MAARID_ADMIN_PASSWORD=measure-pass-1 "$cli" --db "$work/maarid.sqlite" --lang en setup \
  --company-ar "معرض القياس" --admin-user admin >/dev/null

display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY="$display"
eval "$(dbus-launch --sh-syntax)"
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
sleep 1

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
tree_rss_kb() { # the process and all its descendants (WebKit's web and network processes)
  local total=0 pid
  for pid in $1 $(pgrep -P "$1" 2>/dev/null) $(for c in $(pgrep -P "$1" 2>/dev/null); do pgrep -P "$c"; done); do
    total=$((total + $(rss_kb "$pid")))
  done
  echo "$total"
}

pss_kb() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
# Shared library pages of Mesa's software renderer (libLLVM): WebKitGTK initialises
# EGL at start-up, and on a display without a GPU (Xvfb) that loads llvmpipe.
llvm_kb() { awk '/^[0-9a-f]+-/ {n=$6} /^Rss:/ {if (n ~ /libLLVM/) r+=$2} END {print r+0}' "/proc/$1/smaps" 2>/dev/null || echo 0; }

# One launch: prints "start_ms rss_kb pss_kb llvm_kb tree_kb".
measure_once() {
  local out="$work/out" err="$work/err" t0 pid line ready
  : >"$out"
  t0=$(date +%s%3N)
  MAARID_STARTUP_PROBE=1 "$@" >"$out" 2>"$err" &
  pid=$!
  for _ in $(seq 1 300); do grep -q MAARID_READY "$out" && break; sleep 0.05; done
  line=$(grep MAARID_READY "$out" || true)
  [ -n "$line" ] || { echo "$1 never reported ready:" >&2; cat "$err" >&2; kill "$pid"; exit 1; }
  ready=$(sed -E 's/.*epoch_ms=([0-9]+).*/\1/' <<<"$line")
  sleep 5 # idle
  echo "$((ready - t0)) $(rss_kb "$pid") $(pss_kb "$pid") $(llvm_kb "$pid") $(tree_rss_kb "$pid")"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

# Maarid and the blank window take turns, so drift on the machine hits both alike.
: >"$work/app.txt"; : >"$work/base.txt"
for _ in $(seq 1 "$runs"); do
  measure_once "$app" --db "$work/maarid.sqlite" >>"$work/app.txt"
  measure_once "$baseline" >>"$work/base.txt"
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
col() { awk -v c="$2" '{print $c}' "$1" | median; }   # median of a column
worst() { awk -v c="$2" '{print $c}' "$1" | sort -n | tail -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
mb() { echo $(( $1 / 1024 )); }
size=$(stat -c %s "$app")
base_size=$(stat -c %s "$baseline")

row() { printf '%-40s %9s %9s %8s %8s %8s\n' "$@"; }
echo "Maarid release build vs a blank Tauri window, $runs runs each, alternating ($(date -u +%Y-%m-%d), $(nproc) cores, Xvfb)"
row figure Maarid blank "÷blank" target "÷target"
row "binary size (MB)" "$(awk -v s="$size" 'BEGIN {printf "%.1f", s/1048576}')" "$(awk -v s="$base_size" 'BEGIN {printf "%.1f", s/1048576}')" "$(ratio "$size" "$base_size")" 15 "$(ratio "$size" $((15 * 1048576)))"
a=$(col "$work/app.txt" 1); b=$(col "$work/base.txt" 1)
row "start-up, median (ms) [blank: window built]" "$a" "$b" "$(ratio "$a" "$b")" 1500 "$(ratio "$a" 1500)"
a=$(worst "$work/app.txt" 1); b=$(worst "$work/base.txt" 1)
row "start-up, slowest run (ms)" "$a" "$b" "$(ratio "$a" "$b")" 1500 "$(ratio "$a" 1500)"
a=$(mb "$(col "$work/app.txt" 2)"); b=$(mb "$(col "$work/base.txt" 2)")
row "idle RSS, app process (MB)" "$a" "$b" "$(ratio "$a" "$b")" 150 "$(ratio "$a" 150)"
a=$(mb "$(col "$work/app.txt" 4)"); b=$(mb "$(col "$work/base.txt" 4)")
row "  of which libLLVM, software GL (MB)" "$a" "$b" "-" "-" "-"
a=$(mb "$(col "$work/app.txt" 3)"); b=$(mb "$(col "$work/base.txt" 3)")
row "idle PSS, app process (MB)" "$a" "$b" "$(ratio "$a" "$b")" "-" "-"
a=$(mb "$(col "$work/app.txt" 5)"); b=$(mb "$(col "$work/base.txt" 5)")
row "idle RSS, app + WebKit helpers (MB)" "$a" "$b" "$(ratio "$a" "$b")" "-" "-"
