package simulate

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// MergeOptions configure MergeParts.
type MergeOptions struct {
	// AllowPartial merges a set of parts that misses shards; the report
	// then says which shards it covers and keeps its "part" section.
	AllowPartial bool
	// Notelint is the running notelint's version, written into a partial
	// result.
	Notelint string
}

// MergeParts merges the parts ReadPart decoded (names are their files, in
// the same order) into the report of a single run over all the input. It
// refuses parts of different policies, templates or inputs, a shard given
// twice, parts of different shard counts (their customers overlap) and,
// unless opts.AllowPartial, a set that misses shards.
func MergeParts(parts []*Report, names []string, opts MergeOptions) (*Report, error) {
	if len(parts) == 0 {
		return nil, errors.New("merge: no parts")
	}
	if len(names) != len(parts) {
		return nil, errors.New("merge: one name per part")
	}
	first := parts[0]
	owner := map[int]int{} // shard index -> part
	for i, p := range parts {
		switch {
		case p.Fingerprints.Templates != first.Fingerprints.Templates:
			return nil, fmt.Errorf("%s and %s come from different templates (%q, %q)", names[0], names[i], first.Fingerprints.Templates, p.Fingerprints.Templates)
		case p.Fingerprints.Policy != first.Fingerprints.Policy || !reflect.DeepEqual(p.Settings, first.Settings):
			return nil, fmt.Errorf("%s and %s come from different policies (%s, %s)", names[0], names[i], first.Fingerprints.Policy, p.Fingerprints.Policy)
		case p.Fingerprints.Input != first.Fingerprints.Input || !reflect.DeepEqual(p.Inputs, first.Inputs):
			return nil, fmt.Errorf("%s and %s read different inputs (%s, %s)", names[0], names[i], first.Fingerprints.Input, p.Fingerprints.Input)
		case p.Shard.Count != first.Shard.Count:
			return nil, fmt.Errorf("%s is a part of %d shards, %s of %d: their customers overlap; merge parts of one --shard I/N run", names[0], first.Shard.Count, names[i], p.Shard.Count)
		}
		for _, s := range p.Shard.Indexes {
			if j, ok := owner[s]; ok {
				return nil, fmt.Errorf("shard %d of %d is in both %s and %s", s, p.Shard.Count, names[j], names[i])
			}
			owner[s] = i
		}
	}
	if n := first.Shard.Count; len(owner) < n && !opts.AllowPartial {
		var missing []string
		for s := 0; s < n && len(missing) < 10; s++ {
			if _, ok := owner[s]; !ok {
				missing = append(missing, fmt.Sprint(s))
			}
		}
		more := ""
		if n-len(owner) > len(missing) {
			more = fmt.Sprintf(" and %d more", n-len(owner)-len(missing))
		}
		return nil, fmt.Errorf("%d of %d shards are missing (%s%s; merging %s): pass --allow-partial to merge them anyway", n-len(owner), n, strings.Join(missing, ", "), more, strings.Join(names, ", "))
	}
	out, err := Merge(parts...)
	if err != nil {
		return nil, err
	}
	if out.Shard != nil {
		out.AttachPart(opts.Notelint)
	}
	return out, nil
}
