#!/usr/bin/env bash
# Measures the release build: binary size, start-up time (launch to the first
# interactive screen, reported by the UI through the `ui_ready` command) and idle
# resident memory, under Xvfb. Prints each figure beside its target and as a ratio.
#
#   scripts/measure-startup.sh [RUNS]      (default 5 runs; needs Xvfb and dbus-x11)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"

cargo build --release --features custom-protocol -p maarid -p maarid-cli --quiet
app="$CARGO_TARGET_DIR/release/maarid"
cli="$CARGO_TARGET_DIR/release/maarid-cli"

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

starts=(); rss=(); tree=(); pss=(); llvm=()
for i in $(seq 1 "$runs"); do
  out="$work/run$i.out"
  t0=$(date +%s%3N)
  MAARID_STARTUP_PROBE=1 "$app" --db "$work/maarid.sqlite" >"$out" 2>"$work/run$i.err" &
  pid=$!
  for _ in $(seq 1 300); do grep -q MAARID_READY "$out" && break; sleep 0.05; done
  line=$(grep MAARID_READY "$out" || true)
  [ -n "$line" ] || { echo "run $i: the app never reported ready"; cat "$work/run$i.err"; exit 1; }
  ready=$(sed -E 's/.*epoch_ms=([0-9]+).*/\1/' <<<"$line")
  starts+=($((ready - t0)))
  sleep 5 # idle
  rss+=($(rss_kb "$pid"))
  pss+=($(pss_kb "$pid"))
  llvm+=($(llvm_kb "$pid"))
  tree+=($(tree_rss_kb "$pid"))
  kill "$pid"; wait "$pid" 2>/dev/null || true
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
worst() { printf '%s\n' "$@" | sort -n | tail -1; }
size=$(stat -c %s "$app")
s_med=$(median "${starts[@]}"); s_max=$(worst "${starts[@]}")
r_med=$(( $(median "${rss[@]}") / 1024 )); t_med=$(( $(median "${tree[@]}") / 1024 ))
p_med=$(( $(median "${pss[@]}") / 1024 )); l_med=$(( $(median "${llvm[@]}") / 1024 ))
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

echo "Maarid release build, $runs runs ($(date -u +%Y-%m-%d), $(nproc) cores)"
printf '%-38s %10s %10s %8s\n' figure measured target ratio
printf '%-38s %10s %10s %8s\n' "binary size (MB)" "$(awk -v s="$size" 'BEGIN {printf "%.1f", s/1048576}')" 15 "$(ratio "$size" $((15 * 1048576)))"
printf '%-38s %10s %10s %8s\n' "start-up to login screen, median (ms)" "$s_med" 1500 "$(ratio "$s_med" 1500)"
printf '%-38s %10s %10s %8s\n' "start-up, slowest run (ms)" "$s_max" 1500 "$(ratio "$s_max" 1500)"
printf '%-38s %10s %10s %8s\n' "idle RSS, app process (MB)" "$r_med" 150 "$(ratio "$r_med" 150)"
printf '%-38s %10s %10s %8s\n' "  of which libLLVM (software GL, MB)" "$l_med" "-" "-"
printf '%-38s %10s %10s %8s\n' "idle PSS, app process (MB)" "$p_med" "-" "-"
printf '%-38s %10s %10s %8s\n' "idle RSS, app + WebKit helpers (MB)" "$t_med" "-" "-"
