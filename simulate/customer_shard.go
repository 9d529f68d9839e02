package simulate

import (
	"fmt"
	"strconv"
	"strings"
)

// Shard selects the customers of a partial run (--shard I/N): those whose
// ShardOf is Index. The shards 0..Count-1 of one input hold every customer
// exactly once, so their reports merge into the report of a single run.
type Shard struct {
	Index int `json:"index"`
	Count int `json:"count"`
}

// maxShards bounds N in --shard I/N.
const maxShards = 1 << 20

// ParseShard reads "I/N" (0 <= I < N).
func ParseShard(s string) (*Shard, error) {
	is, ns, ok := strings.Cut(strings.TrimSpace(s), "/")
	i, err1 := strconv.Atoi(is)
	n, err2 := strconv.Atoi(ns)
	if !ok || err1 != nil || err2 != nil {
		return nil, fmt.Errorf("--shard %q: want I/N, e.g. 0/8", s)
	}
	if n < 1 || n > maxShards {
		return nil, fmt.Errorf("--shard %q: N must be 1 to %d", s, maxShards)
	}
	if i < 0 || i >= n {
		return nil, fmt.Errorf("--shard %q: I must be 0 to %d", s, n-1)
	}
	return &Shard{Index: i, Count: n}, nil
}

func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }

// FNV-1a 64 (http://www.isthe.com/chongo/tech/comp/fnv/).
const (
	fnvOffset64 = 14695981039346656037
	fnvPrime64  = 1099511628211
)

func fnv1a64(b []byte) uint64 {
	h := uint64(fnvOffset64)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime64
	}
	return h
}

// ShardOf returns the shard of a customer among n: the FNV-1a 64 hash of
// the id's bytes (UTF-8, leading and trailing spaces removed, as the report
// shows it) modulo n. It does not depend on the machine, the run or the
// notelint version.
func ShardOf(id string, n int) int { return int(fnv1a64([]byte(id)) % uint64(n)) }

// keeps reports whether the run of s replays customer id (every customer
// when s is nil).
func (s *Shard) keeps(id []byte) bool {
	return s == nil || s.Count <= 1 || fnv1a64(id)%uint64(s.Count) == uint64(s.Index)
}

// keepsUnowned reports whether the run of s counts the bad rows that name
// no customer (broken rows, empty ids): shard 0 does, so every bad row is
// counted once over the shards.
func (s *Shard) keepsUnowned() bool { return s == nil || s.Index == 0 }
