package lang

// A gram is a hash of two adjacent bytes; a phrase can only occur in a text
// that holds every gram of the phrase. Matchers test that first, which skips
// most phrases of a long list without searching the text for them.

// minFiltered is the number of phrases from which a Matcher filters by
// grams: a few phrases are searched faster than the grams are counted.
const minFiltered = 12

// gramsOf returns the gram set of f, or nil when m searches without it.
func (m *Matcher) gramsOf(f *Folded) *gramSet {
	if len(m.phrases) < minFiltered {
		return nil
	}
	return f.gramSet()
}

// gramBits is the number of gram hashes.
const gramBits = 4096

// gramSet is the set of grams of a text.
type gramSet [gramBits / 64]uint64

// gram hashes the byte pair a, b.
func gram(a, b byte) uint16 {
	return uint16((uint32(a)*131 + uint32(b)) % gramBits)
}

// phraseGrams returns the distinct grams of phrase.
func phraseGrams(phrase string) []uint16 {
	var out []uint16
	seen := map[uint16]bool{}
	for i := 0; i+1 < len(phrase); i++ {
		g := gram(phrase[i], phrase[i+1])
		if !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	return out
}

// gramSet returns the grams of f.S, computed on the first call.
func (f *Folded) gramSet() *gramSet {
	f.gramsOnce.Do(func() {
		f.grams = new(gramSet)
		s := f.S
		for i := 0; i+1 < len(s); i++ {
			g := gram(s[i], s[i+1])
			f.grams[g/64] |= 1 << (g % 64)
		}
	})
	return f.grams
}

// hasAll reports whether set holds every gram of grams.
func (set *gramSet) hasAll(grams []uint16) bool {
	for _, g := range grams {
		if set[g/64]&(1<<(g%64)) == 0 {
			return false
		}
	}
	return true
}
