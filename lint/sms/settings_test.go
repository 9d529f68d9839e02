package sms

import "testing"

func TestSettingsBudget(t *testing.T) {
	cases := []struct {
		name       string
		configured int
		own        int
		want       int
	}{
		{"default", 1, 0, 1},
		{"configured", 2, 0, 2},
		{"front matter wins", 2, 3, 3},
		{"front matter below configured", 3, 1, 1},
		{"nothing set", 0, 0, 1},
	}
	for _, c := range cases {
		if got := (Settings{MaxSegments: c.configured}).Budget(c.own); got != c.want {
			t.Errorf("%s: Budget(%d) with max_segments %d = %d, want %d", c.name, c.own, c.configured, got, c.want)
		}
	}
}

func TestSettingsValidate(t *testing.T) {
	cases := []struct {
		s  Settings
		ok bool
	}{
		{DefaultSettings(), true},
		{Settings{MaxSegments: 255, DefaultVarLength: 0, Split: "minimal"}, true},
		{Settings{MaxSegments: 0, DefaultVarLength: 20, Split: "graphemes"}, false},
		{Settings{MaxSegments: 256, DefaultVarLength: 20, Split: "graphemes"}, false},
		{Settings{MaxSegments: 1, DefaultVarLength: -1, Split: "graphemes"}, false},
		{Settings{MaxSegments: 1, DefaultVarLength: 20, Split: "words"}, false},
	}
	for _, c := range cases {
		if err := c.s.Validate(); (err == nil) != c.ok {
			t.Errorf("%+v: Validate() = %v, want ok %v", c.s, err, c.ok)
		}
	}
	if DefaultSettings().Options().Split != Graphemes || (Settings{Split: "minimal"}).Options().Split != Minimal {
		t.Error("split mode")
	}
}
