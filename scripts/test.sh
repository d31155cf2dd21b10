#!/usr/bin/env bash
# The whole test suite: unit and integration tests (including the UI tests that drive the
# real app headless), the built-in decks against the articles, and the app started in a real
# window under Xvfb with --screenshot on every screen.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --test

cargo test --all-targets
cargo test --doc

# The built-in decks against the five articles (copied runs of words, numbers no article gives).
lint=../shared/tools/deck_lint.py
if [ -f "$lint" ]; then
  python3 "$lint" --articles ../shared/articles decks/*.ron
else
  echo "deck_lint: ../shared/tools/deck_lint.py not found beside the repository; skipped"
fi

# The built-in decks' locators looked up in the five articles (each must be there once), and
# check's other rules (give-aways, wording-only source-said figures, claims not covered):
# --strict, so warnings fail too. A data folder of its own, so no user's articles count.
if [ -d ../shared/articles ]; then
  check_data=$(mktemp -d)
  trap 'rm -rf "$check_data"' EXIT
  target/debug/factquiz --data-dir "$check_data" check --strict --articles ../shared/articles \
    decks/*.ron
else
  echo "check --articles: ../shared/articles not found beside the repository; skipped"
fi

# A real window: each screen rendered under Xvfb must produce a PNG.
bin=target/debug/factquiz
data=$(mktemp -d)
out=$(mktemp -d)
trap 'rm -rf "$data" "$out" "${check_data:-}"' EXIT
failed=0
screens="home review feedback settings topics browser stats editor article"
for screen in $screens; do
  if timeout 120 xvfb-run -a -s "-screen 0 1280x900x24" "$bin" --data-dir "$data" \
       --screenshot "$out/$screen.png" --screen "$screen" \
     && [ -s "$out/$screen.png" ]; then
    echo "screenshot $screen: ok ($(stat -c %s "$out/$screen.png") bytes)"
  else
    echo "screenshot $screen: FAILED"
    failed=$((failed + 1))
  fi
done
echo "screenshots: $(( $(echo $screens | wc -w) - failed )) passed, $failed failed"
[ "$failed" -eq 0 ]
