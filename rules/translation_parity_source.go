package rules

// supersetLocales finds, for each translation set, the one locale that has
// every key any other locale of the set has: the language the others are
// translated from. A set where no locale has them all, or where two have
// the same keys, gets none.
func supersetLocales(groups map[[2]string]*parityGroup, order [][2]string) map[string]string {
	keys := map[string]map[string]int{} // set → locale → keys it has
	all := map[string]int{}             // set → keys any locale has
	for _, k := range order {
		g := groups[k]
		if keys[g.set] == nil {
			keys[g.set] = map[string]int{}
		}
		all[g.set]++
		for loc := range g.byLoc {
			keys[g.set][loc]++
		}
	}
	out := map[string]string{}
	for set, locs := range keys {
		full, n := "", 0
		for loc, c := range locs {
			if c == all[set] {
				full = loc
				n++
			}
		}
		if n == 1 {
			out[set] = full
		}
	}
	return out
}
