package message

import (
	"reflect"
	"testing"
)

// TestTemplateToolkitMakoPHP: the tags of Template Toolkit, Mako and PHP
// are placeholders or control, never text.
func TestTemplateToolkitMakoPHP(t *testing.T) {
	cases := []struct {
		name, text string
		syn        Syntax
		names      []string // value placeholders, in order
		text2      string   // the text with every placeholder blanked
	}{
		{"tt en", "Subject: New [% site_name %] updates on '[% title | html %]'[% IF x %] now[% END %]", SyntaxTT,
			[]string{"site_name", "title"}, "Subject: New  updates on '' now"},
		{"tt de directive", "[% INCLUDE 'signature.txt' %]Hallo [% user.name %],", SyntaxTT, []string{"user.name"}, "Hallo ,"},
		{"mako fr", "<%! from django.utils.translation import ugettext as _ %>\nBonjour ${ name },\n% if secure:\nhttps://${site}/x\n% endif\n## note\nMerci", SyntaxMako | SyntaxERB,
			[]string{"name", "site"}, "\nBonjour ,\n\nhttps:///x\n\n\nMerci"},
		{"mako namespace", `<%namespace file="../main.html" import="theme" />Hi ${user}`, SyntaxMako, []string{"user"}, "Hi "},
		{"php", "Subject: Problem Report Sent: <?=$values['title']?>\n<?php if ($x) { ?>Danke<?php } ?>", SyntaxPHP, []string{"title"}, "Subject: Problem Report Sent: \nDanke"},
		{"percent text stays", "Save 20% today\n50 % off", SyntaxMako, nil, "Save 20% today\n50 % off"},
	}
	for _, c := range cases {
		phs, issues := ScanSyntax(c.text, c.syn)
		var names []string
		blank := []byte(c.text)
		keep := make([]bool, len(blank))
		for i := range keep {
			keep[i] = true
		}
		for _, ph := range phs {
			if !ph.Control {
				names = append(names, ph.Name)
			}
			for i := ph.Start; i < ph.End; i++ {
				keep[i] = false
			}
		}
		var out []byte
		for i, b := range blank {
			if keep[i] {
				out = append(out, b)
			}
		}
		if !reflect.DeepEqual(names, c.names) || string(out) != c.text2 || len(issues) > 0 {
			t.Errorf("%s: names %q text %q issues %v; want %q and %q", c.name, names, out, issues, c.names, c.text2)
		}
	}
}

// TestUnlistedIssuesNote: the note on issues not listed points at the
// first of them and counts them in good English.
func TestUnlistedIssuesNote(t *testing.T) {
	for _, n := range []int{1, 2} {
		tm := &Template{}
		fc := &FileCheck{}
		for i := range maxPlaceholderIssues + n {
			fc.Add(tm, PlaceholderIssue{Message: "x"}, 10*i, 10*i+2)
		}
		fc.Summarise()
		last := tm.Problems[len(tm.Problems)-1]
		want := "1 more unbalanced placeholder in this file is not listed; it is here"
		if n == 2 {
			want = "2 more unbalanced placeholders in this file are not listed; the first is here"
		}
		if last.Message != want || last.Start != 10*maxPlaceholderIssues {
			t.Errorf("%d dropped: %q at %d, want %q at %d", n, last.Message, last.Start, want, 10*maxPlaceholderIssues)
		}
	}
}
