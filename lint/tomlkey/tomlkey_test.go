package tomlkey

import "testing"

func TestLine(t *testing.T) {
	tests := []struct {
		name, doc, table, key string
		want                  int
	}{
		{"key in table", "[simulate]\ndedupe = true\ncollapse = \"30m\"\n", "simulate", "collapse", 3},
		{"table header", "# c\n[simulate]\ncollapse = \"30m\"\n", "simulate", "", 2},
		{"missing key: the table", "x = 1\n\n[simulate]\ndedupe = true\n", "simulate", "collapse", 3},
		{"missing table", "x = 1\n", "simulate", "collapse", 1},
		{"top level", "a = 1\nb = 2\n", "", "b", 2},
		{"top level missing", "a = 1\n", "", "c", 1},
		{"quoted key", "[lint]\n\"default_kind\" = \"x\"\n", "lint", "default_kind", 2},
		{"quoted table", "[rules.\"vague-cta\"]\nseverity = \"off\"\n", "rules.vague-cta", "severity", 2},
		{"dotted key at the top", "a = 1\nsimulate.collapse = \"30m\"\n", "simulate", "collapse", 2},
		{"dotted key in a parent table", "[simulate]\nflags.burst = { count = 1 }\n", "simulate.flags", "burst", 2},
		{"inline table", "[rules]\nvague-cta = { severity = \"x\" }\n", "rules.vague-cta", "severity", 2},
		{"inline table as the table", "[rules]\n\nvague-cta = { severity = \"x\" }\n", "rules.vague-cta", "", 3},
		{"nested table", "[simulate]\n[simulate.flags]\nburst = { count = 1, window = \"1h\" }\n", "simulate.flags", "burst", 3},
		{"same key in another table", "[a]\nk = 1\n[b]\nk = 2\n", "b", "k", 4},
		{"key of a subtable is not the table's", "[simulate.flags]\ncollapse = 1\n[simulate]\ncollapse = 2\n", "simulate", "collapse", 4},
		{"header text inside a multi-line string", "[lint]\nnote = \"\"\"\n[simulate]\ncollapse = 1\n\"\"\"\n[simulate]\ncollapse = \"2h\"\n", "simulate", "collapse", 7},
		{"comment after the header", "[simulate] # policy\n\ncollapse = 1\n", "simulate", "collapse", 3},
		{"array table", "[simulate]\n[[simulate.trigger]]\nstatus = \"x\"\n", "simulate.trigger", "status", 3},
		{"CRLF", "[simulate]\r\ndedupe = true\r\ncollapse = 1\r\n", "simulate", "collapse", 3},
		{"stops at a syntax error", "[simulate]\ncollapse = 1\nbroken = \n", "simulate", "collapse", 2},
		{"key that is a subtable header", "[rules.nope]\nseverity = \"off\"\n", "rules", "nope", 1},
		{"key that is a dotted subtable", "[rules]\nx = 1\nnope.severity = \"off\"\n", "rules", "nope", 3},
		{"empty", "", "simulate", "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Line([]byte(tt.doc), tt.table, tt.key); got != tt.want {
				t.Errorf("Line(%q, %q) = %d, want %d", tt.table, tt.key, got, tt.want)
			}
		})
	}
}

func TestArrayLine(t *testing.T) {
	doc := "[simulate]\n[[simulate.trigger]]\nstatus = \"a\"\n\n[[simulate.trigger]]\nstatus = \"b\"\n"
	for i, want := range []int{2, 5, 2} {
		if got := ArrayLine([]byte(doc), "simulate.trigger", i); got != want {
			t.Errorf("ArrayLine(%d) = %d, want %d", i, got, want)
		}
	}
	if got := ArrayLine([]byte("[simulate]\n"), "simulate.trigger", 0); got != 1 {
		t.Errorf("no array table: %d, want 1", got)
	}
}

func FuzzLine(f *testing.F) {
	f.Add([]byte("[simulate]\ncollapse = 1\n"), "simulate", "collapse")
	f.Add([]byte("a.b = { c = 1 }\n[[x]]\n"), "a.b", "c")
	f.Fuzz(func(t *testing.T, doc []byte, table, key string) {
		n := Line(doc, table, key)
		lines := 1
		for _, c := range doc {
			if c == '\n' {
				lines++
			}
		}
		if n < 1 || n > lines {
			t.Fatalf("line %d of a %d-line document", n, lines)
		}
	})
}
