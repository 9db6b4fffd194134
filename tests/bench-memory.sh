#!/bin/sh
# Peak memory of the app with the People list open: 100 000 people versus 1 000.
# usage: bench-memory.sh ESCALE_CLI BENCH_MEMORY CACHE_DIR
set -eu
cli=$1 bench=$2 cache=$3
mkdir -p "$cache"
for n in 1000 100000; do
  db="$cache/people-$n.db"
  if [ ! -s "$db" ]; then
    echo "creating $db"
    "$cli" --database "$db.tmp" demo --people "$n" --seed 42 --no-account >/dev/null
    mv "$db.tmp" "$db"
    rm -f "$db.tmp-wal" "$db.tmp-shm"
  fi
done
small=$("$bench" "$cache/people-1000.db")
large=$("$bench" "$cache/people-100000.db")
diff=$(( (large - small) / 1024 ))
echo "peak memory with 1 000 people:   $((small / 1024)) MB"
echo "peak memory with 100 000 people: $((large / 1024)) MB"
echo "difference: $diff MB (budget: under 30 MB)"
if [ "$diff" -lt 30 ]; then echo "PASS memory"; else echo "FAIL memory"; exit 1; fi
