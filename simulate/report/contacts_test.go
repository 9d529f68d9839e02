package report

import (
	"bytes"
	"strings"
	"testing"
)

// TestContactsSection checks the Contacts section of the example in every
// format, and that the timelines of the customers the page names show
// their contacts.
func TestContactsSection(t *testing.T) {
	r := exampleReport(t)
	for format, want := range map[string][]string{
		"text": {"\nContacts\n", contactCaveat, "delivery-delayed         324       182             56.17  5.77"},
		"md":   {"#### Contacts", "| delivery-delayed | 324 | 182 | 56.17 | 5.77 |"},
		"json": {`"contacts": {`, `"lift": 5.773160690697556`},
		"html": {`data-chart="contact-lift"`, contactCaveat, `<tr class="contact">`, `☎ <b>phone &#34;what does delayed mean&#34;</b>: after delivery-delayed to A40001`},
	} {
		var b bytes.Buffer
		if err := Write(&b, r, format); err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s lacks %q", format, w)
			}
		}
	}
	bars := ChartBars(r)["contact-lift"]
	if bars != 4 {
		t.Errorf("contact-lift bars %d, want 4", bars)
	}
}
