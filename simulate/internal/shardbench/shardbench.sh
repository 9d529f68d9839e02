#!/bin/sh
# Measures notelint simulate --shard and simulate merge on a generated
# stream (not part of go test): for 1, 2, 4 and 8 shards, the wall time and
# peak RSS of each shard (run one after the other), of the merge, and
# whether the merged report equals the single run's (JSON and CSV).
#
#   simulate/internal/shardbench/shardbench.sh [EVENTS] [WORKDIR]
#
# EVENTS defaults to 10000000; WORKDIR (default a temporary directory) keeps
# the generated stream between runs. Needs GNU time (/usr/bin/time -v).
set -eu
events=${1:-10000000}
work=${2:-$(mktemp -d)}
root=$(cd "$(dirname "$0")/../../.." && pwd)
mkdir -p "$work"
cd "$root"
go build -o "$work/notelint" ./cmd/notelint
stream="$work/events-$events.csv"
[ -s "$stream" ] || go run ./simulate/internal/gen -n "$events" >"$stream"
policy="$root/testdata/simulate/bench-policy.toml"
nl="$work/notelint"

# measure CMD...: runs CMD under GNU time, prints "wall-seconds kib cpu-seconds".
measure() {
	/usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null
	s=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); t = 0; for (i = 1; i <= n; i++) t = t * 60 + p[i]; print t }' "$work/time.txt")
	k=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
	c=$(awk -F': ' '/(User|System) time/ { t += $2 } END { print t }' "$work/time.txt")
	echo "$s $k $c"
}

set -- $(measure "$nl" simulate --policy "$policy" --format json --out "$work/single.json" "$stream")
echo "single run: $1 s wall, $3 s CPU, peak RSS $(($2 / 1024)) MiB"
"$nl" simulate --policy "$policy" --format csv --out "$work/single.csv" "$stream"
echo "| shards | wall per shard (mean / max) | CPU per shard (mean) | peak RSS per shard (max) | merge wall | merge CPU | merge peak RSS | equals the single run |"
echo "|---|---|---|---|---|---|---|---|"
for n in 1 2 4 8; do
	rm -f "$work"/part-*.json
	sum=0 maxt=0 maxk=0 cpu=0 i=0
	while [ "$i" -lt "$n" ]; do
		set -- $(measure "$nl" simulate --policy "$policy" --shard "$i/$n" --format json --out "$work/part-$i.json" "$stream")
		sum=$(echo "$sum + $1" | bc)
		cpu=$(echo "$cpu + $3" | bc)
		maxt=$(echo "if ($1 > $maxt) $1 else $maxt" | bc)
		[ "$2" -gt "$maxk" ] && maxk=$2
		i=$((i + 1))
	done
	mean=$(printf '%.2f' "$(echo "scale=3; $sum / $n" | bc)")
	maxt=$(printf '%.2f' "$maxt")
	cpu=$(printf '%.2f' "$(echo "scale=3; $cpu / $n" | bc)")
	set -- $(measure "$nl" simulate merge --format json --out "$work/merged.json" "$work"/part-*.json)
	"$nl" simulate merge --format csv --out "$work/merged.csv" "$work"/part-*.json
	same=no
	cmp -s "$work/merged.json" "$work/single.json" && cmp -s "$work/merged.csv" "$work/single.csv" && same=yes
	echo "| $n | $mean s / $maxt s | $cpu s | $((maxk / 1024)) MiB | $1 s | $3 s | $(($2 / 1024)) MiB | $same |"
done
