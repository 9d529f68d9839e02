package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// comparePlaceholders compares the placeholders of a translation's part
// with those of the source part sp. A placeholder the source lacks and one
// of the source the translation lacks are one change, reported once: a
// misspelling (error) when the names are a typo apart, else a different
// variable (warning: the translation may mean it, as a formal "full name"
// for a first name, but the program must fill it). What is left over is
// reported as before: placeholders the source lacks (error) and, unless
// plural, the source's placeholders the translation lacks (error).
func comparePlaceholders(p *lint.RunPass, t *message.Template, part, sp *message.Part, src string, plural bool) {
	have := placeholderNames(part)
	want := placeholderNames(sp)
	// Placeholders in link targets (href="{{recordUrl}}") are passed as
	// much as those in the text.
	linkNames(part, t.Syntax, have)
	linkNames(sp, t.Syntax, want)
	var missing []string // normalised names of the source the part lacks
	for n := range want {
		if have[n] == "" {
			missing = append(missing, n)
		}
	}
	sort.Strings(missing)
	reported := map[string]bool{}
	for _, ph := range part.Placeholders {
		n := phName(ph)
		if n == "" || want[n] != "" || reported[n] {
			continue
		}
		reported[n] = true
		shown := shownName(ph, part)
		if i := closestName(n, missing); i >= 0 && !plural {
			m := missing[i]
			missing = append(missing[:i], missing[i+1:]...)
			switch {
			case typoApart(n, m):
				p.Report(t, lint.Diagnostic{Part: part, Start: ph.Start, End: ph.End, Severity: message.Error,
					Message: fmt.Sprintf("placeholder %q looks like a misspelling of %s in the %s source: it is sent unfilled", shown, want[m], src),
					Hint:    fmt.Sprintf("write %s as in the %s text", want[m], src)})
			case sameObject(n, m) && nameField(n) && nameField(m):
				// Another name of the same person (user.fullname for
				// user.firstname): a translator's choice, as formal
				// languages address readers by their full name; the
				// program passes the object, so both are filled.
			case sameObject(n, m) || variantName(n, m):
				p.Report(t, lint.Diagnostic{Part: part, Start: ph.Start, End: ph.End, Severity: message.Warning,
					Message: fmt.Sprintf("the %s translation uses %q where the %s source uses %s: fine if the program fills both, else readers get a gap", t.Locale, shown, src, want[m]),
					Hint:    fmt.Sprintf("keep %s as in the %s text, or make sure the program passes %s to this message", want[m], src, shown)})
			default:
				p.Report(t, lint.Diagnostic{Part: part, Start: ph.Start, End: ph.End, Severity: message.Error,
					Message: fmt.Sprintf("the %s translation uses %q where the %s source uses %s: a name the program does not pass is sent unfilled", t.Locale, shown, src, want[m]),
					Hint:    fmt.Sprintf("write %s as in the %s text (placeholder names are not translated)", want[m], src)})
			}
			continue
		}
		p.Report(t, lint.Diagnostic{Part: part, Start: ph.Start, End: ph.End, Severity: message.Error,
			Message: fmt.Sprintf("placeholder %q is not in the %s source: a misspelt placeholder is sent unfilled, and a missing one leaves the %s text without that detail", shown, src, src),
			Hint:    fmt.Sprintf("use the placeholder names of the %s text, or add the placeholder there", src)})
	}
	if plural || len(missing) == 0 {
		return
	}
	shown := make([]string, len(missing))
	for i, n := range missing {
		shown[i] = want[n]
	}
	sort.Strings(shown)
	end := strings.IndexByte(part.Text.String(), '\n')
	if end < 0 {
		end = part.Text.Len()
	}
	p.Report(t, lint.Diagnostic{Part: part, Start: 0, End: end, Severity: message.Error,
		Message: fmt.Sprintf("the %s translation lacks %s of the %s source: readers miss that information", t.Locale, strings.Join(shown, ", "), src),
		Hint:    "add the placeholders to the translation"})
}

// closestName returns the index in names of the name closest to n by edit
// distance (the first on a tie), or -1 when names is empty.
func closestName(n string, names []string) int {
	best, bestD := -1, 0
	for i, m := range names {
		if d := editDistance(n, m); best < 0 || d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// typoApart reports whether a and b differ by a slip of the keyboard: one
// edit (a swap of two neighbours counts as one), or two in names of six
// bytes or more. Numbers ({1}, {2}) are never typos of each other.
func typoApart(a, b string) bool {
	if allDigits(a) && allDigits(b) {
		return false
	}
	d := editDistance(a, b)
	return d == 1 || d == 2 && min(len(a), len(b)) >= 6
}

// sameObject reports whether a and b are fields of one object
// (user.fullname, user.firstname): likely both passed to the message.
func sameObject(a, b string) bool {
	ra, _, okA := strings.Cut(a, ".")
	rb, _, okB := strings.Cut(b, ".")
	return okA && okB && ra == rb
}

// variantName reports whether one name extends the other
// (entityType, entityTypeLowerFirst): a variant of one value the program
// likely passes as well.
func variantName(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 4 && strings.HasPrefix(b, a)
}

// linkNames adds to names the placeholders of the part's link targets
// that its text does not show.
func linkNames(part *message.Part, syn message.Syntax, names map[string]string) {
	for _, l := range part.Links {
		if !strings.ContainsAny(l.URL, "{%$:<[") {
			continue
		}
		phs, _ := message.ScanSyntax(l.URL, syn)
		for _, ph := range phs {
			if n := phName(ph); n != "" && names[n] == "" && !ph.Control {
				names[n] = l.URL[ph.Start:ph.End]
			}
		}
	}
}

// personNames are the fields of a person's name: a translation may
// address the reader by another of them (formal languages by the full or
// last name).
var personNames = map[string]bool{
	"name": true, "firstname": true, "lastname": true, "fullname": true, "surname": true,
	"givenname": true, "familyname": true, "displayname": true, "nickname": true, "salutation": true,
}

// nameField reports whether the last field of a placeholder name is one
// of a person's names (user.first_name, customer.fullName).
func nameField(n string) bool {
	if i := strings.LastIndexByte(n, '.'); i >= 0 {
		n = n[i+1:]
	}
	return personNames[strings.NewReplacer("_", "", "-", "").Replace(strings.ToLower(n))]
}

func allDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// editDistance is the optimal string alignment distance of a and b in
// bytes (Levenshtein, with a swap of two neighbours as one edit); names are
// short, at most a few dozen bytes.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// placeholderNames maps the normalised names of a part's placeholders
// (values, and variables control tags test) to how they are written.
func placeholderNames(part *message.Part) map[string]string {
	out := map[string]string{}
	for _, ph := range part.Placeholders {
		if n := phName(ph); n != "" {
			if _, ok := out[n]; !ok {
				out[n] = shownName(ph, part)
			}
		}
	}
	return out
}

func phName(ph message.Placeholder) string {
	if ph.Control {
		return message.NormalizeVarName(ph.Ref)
	}
	return message.NormalizeVarName(ph.Name)
}

func shownName(ph message.Placeholder, part *message.Part) string {
	if !ph.Control {
		return part.Text.String()[ph.Start:ph.End]
	}
	return ph.Ref
}
