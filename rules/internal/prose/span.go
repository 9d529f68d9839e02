package prose

// Span is a range [Start, End): of bytes of a part's text or of folded
// text, or of the items of a list, as said where it is used.
type Span struct{ Start, End int }

// Empty reports whether the span holds no byte.
func (s Span) Empty() bool { return s.End <= s.Start }

// Overlaps reports whether s and o share a byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// OverlapsAny reports whether s shares a byte with any span of list.
func (s Span) OverlapsAny(list []Span) bool {
	for _, o := range list {
		if s.Overlaps(o) {
			return true
		}
	}
	return false
}

// WithinAny reports whether s lies inside one span of list.
func (s Span) WithinAny(list []Span) bool {
	for _, o := range list {
		if s.Start >= o.Start && s.End <= o.End {
			return true
		}
	}
	return false
}

// SpanAt returns the span of list that holds offset off, or the empty span.
func SpanAt(list []Span, off int) Span {
	for _, s := range list {
		if off >= s.Start && off < s.End {
			return s
		}
	}
	return Span{}
}

// DropOverlaps sorts items by start and drops any that overlaps an earlier
// (or, at the same start, longer) one. It reuses the storage of items.
func DropOverlaps[T any](items []T, rng func(T) Span) []T {
	for i := 1; i < len(items); i++ {
		for j := i; j > 0; j-- {
			a, b := rng(items[j]), rng(items[j-1])
			if a.Start < b.Start || (a.Start == b.Start && a.End-a.Start > b.End-b.Start) {
				items[j], items[j-1] = items[j-1], items[j]
				continue
			}
			break
		}
	}
	out := items[:0]
	lastEnd := -1
	for _, it := range items {
		r := rng(it)
		if r.Start < lastEnd {
			continue
		}
		out = append(out, it)
		lastEnd = r.End
	}
	return out
}
