package rules

import "testing"

func TestPlaceholderPairing(t *testing.T) {
	for _, c := range []struct {
		a, b       string
		typo, same bool
	}{
		{"eat", "eta", true, false},          // swapped neighbours
		{"nmae", "name", true, false},        // swapped neighbours
		{"ordr_id", "order_id", true, false}, // one letter dropped
		{"zeit", "eta", false, false},        // a translated name
		{"1", "2", false, false},             // positions are not typos
		{"user.fullname", "user.firstname", false, true},
		{"order.number", "order.ordernumber", false, true},
		{"id_order", "order_name", false, false},
	} {
		if got := typoApart(c.a, c.b); got != c.typo {
			t.Errorf("typoApart(%q, %q) = %v, want %v", c.a, c.b, got, c.typo)
		}
		if got := sameObject(c.a, c.b); got != c.same {
			t.Errorf("sameObject(%q, %q) = %v, want %v", c.a, c.b, got, c.same)
		}
	}
	if d := editDistance("kitten", "sitting"); d != 3 {
		t.Errorf("editDistance(kitten, sitting) = %d, want 3", d)
	}
}
