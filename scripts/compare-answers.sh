#!/usr/bin/env bash
# Before/after check for speed work: the same questions answered by two commits over the same articles must give
# the same citations in the same order. Usage:
#   scripts/compare-answers.sh BASE_COMMIT [ARTICLES_DIR] [QUESTIONS_FILE]
# BASE_COMMIT is exported to a temporary folder (sharing this tree's node_modules); the working tree is "after".
# Questions default to every question of data/eval/*.jsonl (one question per line in QUESTIONS_FILE otherwise).
# Exits 1 and prints the first differences when any answer differs.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
base=${1:?usage: scripts/compare-answers.sh BASE_COMMIT [ARTICLES_DIR] [QUESTIONS_FILE]}
articles=$(realpath "${2:-$here/data/articles}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${3:-}" ]; then cp "$3" "$work/questions.txt"
else cat "$here"/data/eval/*.jsonl | jq -r '.q' > "$work/questions.txt"; fi
mkdir "$work/before"
git -C "$here" archive "$base" | tar -x -C "$work/before"
ln -s "$here/node_modules" "$work/before/node_modules"
# One line per question: each citation's source id and quote, in order, whether it answered, and the reply text.
run() {
  (cd "$1" && ARTICLES_DIR="$articles" INDEX_PATH="$work/$2-index/index.bin" \
    node --import tsx src/cli/ask.ts --json < "$work/questions.txt") |
    jq -c '{q: .question, answered, citations: [.citations[] | [.source.id, .quote]], reply}' > "$work/$2.jsonl"
}
run "$work/before" before
run "$here" after
total=$(wc -l < "$work/questions.txt")
if diff -q "$work/before.jsonl" "$work/after.jsonl" > /dev/null; then
  echo "same citations, same order: $total questions ($articles)"
else
  diff <(jq -c . "$work/before.jsonl") <(jq -c . "$work/after.jsonl") | head -20
  echo "DIFFERENT answers: $(diff "$work/before.jsonl" "$work/after.jsonl" | grep -c '^<') of $total questions"
  exit 1
fi
