#!/usr/bin/env sh
# Every benchmark in one run: process start-up, then index build and queries (1k and 10k).
set -e
cd "$(dirname "$0")/.."
PYTHONPATH=. python bench/startup.py
PYTHONPATH=. python bench/search.py "$@"
