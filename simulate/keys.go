package simulate

import (
	"bytes"
	"hash/maphash"
)

// keyStore holds byte strings addressed by dense ids, back to back in
// blocks that start small and double up to keyBlockMax bytes: growing it
// never copies. A key never straddles two blocks, and a block ends right
// after its last key.
type keyStore struct {
	locs   chunked[uint64] // block << 40 | offset of key i
	blocks [][]byte
	cur    int // the block being filled
}

const (
	keyBlockFirst = 1 << 10
	keyBlockMax   = 1 << 20
)

func newKeyStore() keyStore { return keyStore{} }

func (k *keyStore) add(key []byte) {
	for k.cur < len(k.blocks) && len(k.blocks[k.cur])+len(key) > cap(k.blocks[k.cur]) {
		k.cur++
	}
	if k.cur == len(k.blocks) {
		size := keyBlockFirst
		if n := len(k.blocks); n > 0 {
			size = min(2*cap(k.blocks[n-1]), keyBlockMax)
		}
		k.blocks = append(k.blocks, make([]byte, 0, max(size, len(key))))
	}
	b := k.blocks[k.cur]
	k.locs.push(uint64(k.cur)<<40 | uint64(len(b)))
	k.blocks[k.cur] = append(b, key...)
}

// reset drops all keys and keeps the memory for the next ones.
func (k *keyStore) reset() {
	k.locs.reset()
	for i := range k.blocks {
		k.blocks[i] = k.blocks[i][:0]
	}
	k.cur = 0
}

func (k *keyStore) get(i uint32) []byte {
	loc := *k.locs.at(i)
	blk := k.blocks[loc>>40]
	end := len(blk)
	if int(i)+1 < k.locs.len() {
		if next := *k.locs.at(i + 1); next>>40 == loc>>40 {
			end = int(next & (1<<40 - 1))
		}
	}
	return blk[loc&(1<<40-1) : end]
}

// inlineKey keeps short ids inside the customer and entity records so that
// comparing them touches no other memory; longer ids are compared in the
// key store.
const inlineKeyLen = 17

type inlineKey struct {
	n   uint8 // length; inlineKeyLen+1 when the key is longer
	key [inlineKeyLen]byte
}

func makeInlineKey(b []byte) inlineKey {
	var k inlineKey
	if len(b) > inlineKeyLen {
		k.n = inlineKeyLen + 1
		return k
	}
	k.n = uint8(len(b))
	copy(k.key[:], b)
	return k
}

// equal reports whether b is the key; store holds the long form under id.
func (k *inlineKey) equal(b []byte, store *keyStore, id uint32) bool {
	if k.n <= inlineKeyLen {
		return int(k.n) == len(b) && string(k.key[:k.n]) == string(b)
	}
	return bytes.Equal(store.get(id), b)
}

// bigCustomer is the number of entities from which a customer's entities are
// found through a hash table instead of its chain.
const bigCustomer = 8

// customerIdx returns the index of the customer with id (hash h),
// creating it when new.
func (s *shard) customerIdx(h uint64, id []byte) uint32 {
	mask := uint64(len(s.custSlots) - 1)
	frag := h >> 32
	i := h & mask
	for ; s.custSlots[i] != 0; i = (i + 1) & mask {
		sl := s.custSlots[i]
		if sl>>32 != frag {
			continue
		}
		ci := uint32(sl) - 1
		if s.cust.at(ci).key.equal(id, &s.custKeys, ci) {
			return ci
		}
	}
	ci := uint32(s.cust.len())
	c := customer{act: -1, lastT: minInt64, firstEnt: noEntity, key: makeInlineKey(id)}
	if s.obs != nil && (s.observeAll || s.observeSet[string(id)]) {
		c.observed = true
	}
	s.cust.push(c)
	s.custKeys.add(id)
	s.custSlots[i] = frag<<32 | uint64(ci+1)
	if (s.cust.len()-int(s.custBase))*10 > len(s.custSlots)*7 {
		s.growCustSlots()
	}
	return ci
}

// customerIdxHash is customerIdx for an id not hashed yet.
func (s *shard) customerIdxHash(id []byte) uint32 {
	return s.customerIdx(maphash.Bytes(s.seed, id), id)
}

// growCustSlots doubles the customer hash table (it holds the customers
// from custBase on).
func (s *shard) growCustSlots() {
	s.custSlots = make([]uint64, len(s.custSlots)*2)
	mask := uint64(len(s.custSlots) - 1)
	for ci := int(s.custBase); ci < s.cust.len(); ci++ {
		h := maphash.Bytes(s.seed, s.custKeys.get(uint32(ci)))
		i := h & mask
		for s.custSlots[i] != 0 {
			i = (i + 1) & mask
		}
		s.custSlots[i] = (h>>32)<<32 | uint64(ci+1)
	}
}

// entityIdx returns the index of entity id of customer ci, creating it when
// new. A customer's entities form a chain (most customers have a few); a
// customer with many is looked up in a hash table.
func (s *shard) entityIdx(ci uint32, id []byte) uint32 {
	c := s.cust.at(ci)
	if c.nEnts > bigCustomer {
		ei, isNew := s.bigEnts.lookup(s.bigEnts.hashKey(ci, id), ci, id)
		if !isNew {
			return s.bigEntIdx[ei]
		}
		e := s.newEntity(ci, id)
		s.bigEntIdx = append(s.bigEntIdx, e)
		return e
	}
	for ei := c.firstEnt; ei != noEntity; ei = s.ent.at(ei).next {
		if s.ent.at(ei).key.equal(id, &s.entKeys, ei) {
			return ei
		}
	}
	ei := s.newEntity(ci, id)
	if s.cust.at(ci).nEnts > bigCustomer {
		// Move the customer's entities into the hash table.
		for e := s.cust.at(ci).firstEnt; e != noEntity; e = s.ent.at(e).next {
			s.bigEnts.lookup(s.bigEnts.hashKey(ci, s.entKeys.get(e)), ci, s.entKeys.get(e))
			s.bigEntIdx = append(s.bigEntIdx, e)
		}
	}
	return ei
}

func (s *shard) newEntity(ci uint32, id []byte) uint32 {
	ei := uint32(s.ent.len())
	c := s.cust.at(ci)
	s.ent.push(entity{cust: ci, next: c.firstEnt, key: makeInlineKey(id)})
	s.entKeys.add(id)
	c.firstEnt = ei
	c.nEnts++
	return ei
}
