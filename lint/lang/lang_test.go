package lang

import "testing"

func TestBuiltinLoads(t *testing.T) {
	s, err := builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"en", "de", "fr"} {
		if _, ok := s.Get(c); !ok {
			t.Errorf("no data for %s", c)
		}
	}
	if l, ok := s.Get("de-CH"); !ok || l.Code != "de" {
		t.Errorf("de-CH does not fall back to de")
	}
	if _, ok := s.Get("it"); ok {
		t.Errorf("unexpected data for it")
	}
}

func TestMatcher(t *testing.T) {
	m := NewMatcher([]string{"here", "click here", "in Kürze", "dès que possible", "l'heure"})
	cases := []struct {
		text string
		want []string
	}{
		{"Please CLICK  here.", []string{"click here"}},
		{"Somewhere there", nil},
		{"Wir melden uns in kürze.", []string{"in kürze"}},
		{"Nous revenons dès que possible", []string{"dès que possible"}},
		{"à l’heure", []string{"l'heure"}},
		{"here\nand here", []string{"here", "here"}},
	}
	for _, c := range cases {
		f := Fold(c.text)
		var got []string
		for _, mt := range m.FindAll(f) {
			got = append(got, mt.Phrase)
			s, e := f.OrigRange(mt.Start, mt.End)
			if s < 0 || e > len(c.text) || s >= e {
				t.Errorf("%q: bad range %d..%d", c.text, s, e)
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: got %q want %q", c.text, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: got %q want %q", c.text, got, c.want)
			}
		}
	}
	if p, ok := m.Equal(" Click here! "); !ok || p != "click here" {
		t.Errorf("Equal = %q %v", p, ok)
	}
}

func FuzzFold(f *testing.F) {
	f.Add("Hällo  Wörld’s – here")
	f.Add("\xff\xfe İ")
	f.Fuzz(func(t *testing.T, s string) {
		fd := Fold(s)
		m := NewMatcher([]string{"here", "ß", "i"})
		for _, mt := range m.FindAll(fd) {
			a, b := fd.OrigRange(mt.Start, mt.End)
			if a < 0 || b > len(s) || a > b {
				t.Fatalf("range %d..%d of %d", a, b, len(s))
			}
		}
	})
}
