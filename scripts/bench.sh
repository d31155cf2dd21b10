#!/usr/bin/env bash
# Speed at the scale of a heavy user (issue 8): builds a collection of 100,000 cards and
# 1,000,000 reviews once (target/bench-collection), runs the benchmarks (benches/scale.rs),
# measures what only a whole process shows (start to the first painted frame under Xvfb, peak
# memory with the browser open, the progress file's size), and prints one table.
#
#   scripts/bench.sh            everything (about 10 minutes on 2 cores, more the first time)
#   scripts/bench.sh --no-bench the whole-process figures only, with the last benchmark results
set -euo pipefail
cd "$(dirname "$0")/.."

run_benches=1
[ "${1:-}" = "--no-bench" ] && run_benches=0

target=${CARGO_TARGET_DIR:-target}
collection=${FACTQUIZ_BENCH_COLLECTION:-$target/bench-collection}
results=$target/bench-results
export FACTQUIZ_BENCH_COLLECTION=$collection

need() { command -v "$1" >/dev/null 2>&1; }
if ! need xvfb-run || ! need Xvfb || ! need xdotool; then
  echo "installing xvfb and xdotool (for the start-up and memory figures)"
  apt-get install -y xvfb xdotool >/dev/null 2>&1 ||
    { apt-get update >/dev/null && apt-get install -y xvfb xdotool >/dev/null; }
fi

cargo build --release --bin factquiz --example synth_collection
bin=$target/release/factquiz

if [ ! -f "$collection/complete" ]; then
  echo "writing the collection (once): $collection"
  rm -rf "$collection"
  "$target/release/examples/synth_collection" --cards 100000 --reviews 1000000 \
    --data-dir "$collection"
  echo "synth_collection --cards 100000 --reviews 1000000" >"$collection/complete"
fi

if [ "$run_benches" = 1 ]; then
  rm -rf "$results"
  cargo bench --bench scale 2>&1 | tee "$target/bench-scale.log" |
    grep -E '^[a-z_]+/[a-z_0-9]+ +time:|^[a-z_]+: \{' || true
fi

# Whole-process figures on a copy, so that the collection itself stays as it was written.
work=$(mktemp -d "$target/bench-process-XXXXXX")
empty=$(mktemp -d)
trap 'rm -rf "$work" "$empty"' EXIT
cp -r "$collection/." "$work/"
rm -f "$work/factquiz.lock"
work=$(cd "$work" && pwd)
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
xvfb=(timeout 300 xvfb-run -a -s "-screen 0 1280x900x24")
first_frame() {
  FACTQUIZ_TIMINGS=1 "${xvfb[@]}" "$bin" --data-dir "$1" --screenshot "$work/shot.png" \
    --screen home 2>&1 | sed -n 's/.*first frame painted after \([0-9.]*\) ms.*/\1/p' || true
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "nan"}'; }

# The very first start parses every deck file; the app then writes the decks' copies into
# its deck cache (data dir/cache/decks.sqlite3) in the background, which later starts read.
cold=$(first_frame "$work")
decks=$(find "$work/decks" -name '*.ron' | wc -l)
cached_decks() {
  python3 -c 'import sqlite3, sys
try:
    db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
    print(db.execute("SELECT count(*) FROM deck").fetchone()[0])
except sqlite3.Error:
    print(0)' "$work/cache/decks.sqlite3"
}
for _ in $(seq 1 25); do
  [ "$(cached_decks)" -ge "$decks" ] && break
  first_frame "$work" >/dev/null
done
start=$(for _ in 1 2 3 4 5; do first_frame "$work"; done | median)
# The first start after an upgrade: a new executable (here the same one, touched: a build
# of factquiz that kept its copies by the executable's size and time made them all again).
upgraded=$(for _ in 1 2 3; do touch "$bin"; first_frame "$work"; done | median)

# Peak memory as a person gets it: the app started on its own X server, the browser opened
# with a click on its button once the home screen is up, and the kernel's high-water mark
# (VmHWM) read after the browser has been open for a few seconds (no screenshot, whose
# buffers would count). $2: "browser", or "home" to stay on the home screen.
peak_kb() {
  local display=:$((90 + RANDOM % 100)) xpid app hwm
  Xvfb "$display" -screen 0 1280x900x24 >/dev/null 2>&1 &
  xpid=$!
  sleep 1
  DISPLAY=$display "$bin" --data-dir "$1" >/dev/null 2>&1 &
  app=$!
  sleep 4
  if [ "$2" = browser ]; then
    # The [B] Browse button of the top bar (the window fills the 1280x900 screen).
    DISPLAY=$display xdotool mousemove 294 20 click 1
    sleep 5
  fi
  hwm=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$app/status" 2>/dev/null || true)
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  kill "$xpid" 2>/dev/null || true
  echo "$hwm"
}
rss_browser=$(peak_kb "$work" browser)
rss_empty=$(peak_kb "$empty" home)

file_bytes=$(stat -c %s "$collection/progress.sqlite3")
for f in "$collection/progress.sqlite3-wal"; do
  [ -f "$f" ] && file_bytes=$((file_bytes + $(stat -c %s "$f")))
done

python3 - "$target" "$start" "$cold" "$rss_browser" "$rss_empty" "$file_bytes" "$upgraded" <<'EOF'
import json, os, sys

target, start, cold, rss_browser, rss_empty, file_bytes, upgraded = sys.argv[1:8]

def median_ms(group, bench):
    path = os.path.join(target, "criterion", group, bench, "new", "estimates.json")
    try:
        with open(path) as f:
            return json.load(f)["median"]["point_estimate"] / 1e6
    except (OSError, KeyError, ValueError):
        return None

def extra(name):
    try:
        with open(os.path.join(target, "bench-results", name + ".json")) as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}

def num(s):
    try:
        return float(s)
    except ValueError:
        return None

def fmt(ms):
    if ms is None:
        return "not measured"
    if ms >= 1000:
        return f"{ms / 1000:.2f} s"
    if ms >= 10:
        return f"{ms:.0f} ms"
    if ms >= 1:
        return f"{ms:.1f} ms"
    return f"{ms * 1000:.0f} µs"

def ok(value, limit):
    return "?" if value is None else ("yes" if value < limit else "NO")

rows = []
s, c, u = num(start), num(cold), num(upgraded)
rows.append(("start to first painted frame, home with due counts", "under 250 ms",
             f"{fmt(s)} (very first start, decks parsed: {fmt(c)})", ok(s, 250)))
rows.append(("the first start after an upgrade", "under 300 ms", fmt(u), ok(u, 300)))
v = median_ms("counts", "deck_counts")
rows.append(("due counts for every deck", "under 5 ms", fmt(v), ok(v, 5)))
v = median_ms("session", "start_all_decks")
rows.append(("first card of a session ready", "under 10 ms", fmt(v), ok(v, 10)))
a = extra("answer")
p50, p99, sync = a.get("p50_ms"), a.get("p99_ms"), a.get("sync_p50_ms")
cpu50, cpu99 = a.get("cpu_p50_ms"), a.get("cpu_p99_ms")
good = None if p50 is None else (p50 < 1 + (sync or 0) and p99 < 5)
rows.append(("one answer: check, schedule, write durably, next question",
             "p50 under 1 ms + one sync, p99 under 5 ms",
             f"p50 {fmt(p50)}, p99 {fmt(p99)} (one sync {fmt(sync)}; without waiting for "
             f"the disk p50 {fmt(cpu50)}, p99 {fmt(cpu99)})",
             "?" if good is None else ("yes" if good else "NO")))
first = extra("first_frames")
for screen in ["review", "home", "browser"]:
    v = median_ms("frame", screen)
    note = ""
    if first.get(screen + "_ms") is not None:
        note = f" (first frame on opening it: {fmt(first[screen + '_ms'])})"
    rows.append((f"a frame of the {screen} screen (CPU)", "under 4 ms", fmt(v) + note, ok(v, 4)))
v = median_ms("cache", "search_all_cards")
rows.append(("browser search over every card (\"figure\")", "under 16 ms (a frame)", fmt(v), ok(v, 16)))
v = median_ms("cache", "card_read")
rows.append(("a whole card read from the deck cache", "under 1 ms", fmt(v), ok(v, 1)))
v = median_ms("deck", "load_validate_10000_cards")
rows.append(("load and validate a 10,000-card deck file", "under 100 ms", fmt(v), ok(v, 100)))
v = median_ms("stats", "charts_all_decks")
f = extra("charts_first").get("ms")
rows.append(("statistics for all charts (worker thread)", "under 150 ms",
             f"{fmt(v)} (first time, cache built: {fmt(f)})", ok(v, 150)))
v = median_ms("optimize", "all_reviews")
rows.append(("parameter optimisation over all reviews (worker, with progress)", "under 6 s",
             fmt(v), ok(v, 6000)))
mb = int(rss_browser) / 1024 if rss_browser.isdigit() else None
base = int(rss_empty) / 1024 if rss_empty.isdigit() else None
rows.append(("memory (peak RSS) with the browser open", "under 150 MB",
             "not measured" if mb is None else
             f"{mb:.1f} MiB = {mb * 1.048576:.1f} MB (the app with no decks of its own: "
             f"{base:.0f} MiB)",
             ok(mb, 150)))
size = int(file_bytes) / 1e6
rows.append(("progress file on disk", "under 60 MB", f"{size:.0f} MB", ok(size, 60)))

widths = [max(len(r[i]) for r in rows + [("what", "target", "measured", "ok?")])
          for i in range(4)]
def line(r):
    return "| " + " | ".join(x.ljust(w) for x, w in zip(r, widths)) + " |"
print(line(("what", "target", "measured", "ok?")))
print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
for r in rows:
    print(line(r))
EOF
