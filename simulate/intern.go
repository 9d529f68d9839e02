package simulate

import (
	"bytes"
	"hash/maphash"
)

// idTable interns byte strings to dense ids 0, 1, 2, ... It holds no Go
// pointers per entry (one arena, offset and slot arrays), so a table of
// millions of ids costs the garbage collector nothing. Keys may be scoped by
// an owner (an entity id is unique within its customer): the same bytes with
// another owner are another id. A table is owned by one goroutine.
type idTable struct {
	seed   maphash.Seed
	scoped bool
	slots  []uint64 // hash fragment << 32 | id+1; 0 = empty
	starts []uint64 // arena offsets; key i is arena[starts[i]:starts[i+1]]
	owners []uint32 // owner of each id, scoped tables only
	arena  []byte
}

func newIDTable(seed maphash.Seed, scoped bool, sizeHint int) *idTable {
	n := 16
	for n < sizeHint*2 {
		n <<= 1
	}
	return &idTable{seed: seed, scoped: scoped, slots: make([]uint64, n), starts: []uint64{0}}
}

// len returns the number of ids.
func (t *idTable) len() int { return len(t.starts) - 1 }

// key returns the bytes of id (valid until the next insert).
func (t *idTable) key(id uint32) []byte { return t.arena[t.starts[id]:t.starts[id+1]] }

// hashKey hashes key for this table with the given owner.
func (t *idTable) hashKey(owner uint32, key []byte) uint64 {
	h := maphash.Bytes(t.seed, key)
	if t.scoped {
		h ^= (uint64(owner) + 1) * 0x9E3779B97F4A7C15
		h ^= h >> 31
		h *= 0xBF58476D1CE4E5B9
		h ^= h >> 29
	}
	return h
}

// lookup returns the id of (owner, key), inserting it when new; h must be
// t.hashKey(owner, key).
func (t *idTable) lookup(h uint64, owner uint32, key []byte) (id uint32, isNew bool) {
	mask := uint64(len(t.slots) - 1)
	frag := h >> 32
	for i := h & mask; ; i = (i + 1) & mask {
		sl := t.slots[i]
		if sl == 0 {
			break
		}
		if sl>>32 != frag {
			continue
		}
		id := uint32(sl) - 1
		if t.scoped && t.owners[id] != owner {
			continue
		}
		if bytes.Equal(t.key(id), key) {
			return id, false
		}
	}
	id = uint32(t.len())
	t.arena = append(t.arena, key...)
	t.starts = append(t.starts, uint64(len(t.arena)))
	if t.scoped {
		t.owners = append(t.owners, owner)
	}
	if (t.len()+1)*10 > len(t.slots)*7 {
		t.grow()
	} else {
		t.place(h, id)
	}
	return id, true
}

func (t *idTable) place(h uint64, id uint32) {
	mask := uint64(len(t.slots) - 1)
	i := h & mask
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = (h>>32)<<32 | uint64(id+1)
}

func (t *idTable) grow() {
	t.slots = make([]uint64, len(t.slots)*2)
	for id := 0; id < t.len(); id++ {
		var owner uint32
		if t.scoped {
			owner = t.owners[id]
		}
		t.place(t.hashKey(owner, t.key(uint32(id))), uint32(id))
	}
}
