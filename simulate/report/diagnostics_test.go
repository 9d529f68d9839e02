package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/notelint/notelint/simulate"
)

// deferralReport replays a stream where quiet-hour deferral splits a
// silence: o1's "delayed" of 22:00 goes out at 08:00, so its 13 h silence
// (22:00 to 11:00) becomes gaps of 12 h and 3 h. o2 is silent in both
// setups and flaps between statuses that send nothing.
func deferralReport(t *testing.T) *simulate.Report {
	t.Helper()
	return deferralReportWith(t, "")
}

// deferralReportWith is deferralReport with more policy TOML appended.
func deferralReportWith(t *testing.T, more string) *simulate.Report {
	t.Helper()
	dir := t.TempDir()
	events := filepath.Join(dir, "events.csv")
	csv := "customer_id,entity_id,timestamp,status\n" +
		"c1,o1,2026-03-02T20:00:00Z,shipped\n" +
		"c1,o1,2026-03-02T22:00:00Z,delayed\n" +
		"c1,o1,2026-03-03T11:00:00Z,out_for_delivery\n" +
		"c1,o1,2026-03-03T12:00:00Z,delivered\n" +
		"c2,o2,2026-03-02T10:00:00Z,in_transit\n" +
		"c2,o2,2026-03-02T11:00:00Z,held\n" +
		"c2,o2,2026-03-02T12:00:00Z,in_transit\n" +
		"c2,o2,2026-03-05T12:00:00Z,delivered\n"
	if err := os.WriteFile(events, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := simulate.ParsePolicy([]byte(`[simulate]
timezone = "UTC"
final = ["delivered"]
quiet_hours = "21:00-08:00"
[[simulate.trigger]]
status = ["shipped", "delayed", "out_for_delivery", "delivered"]
template = "t"
[simulate.flags]
flapping = { window = "1d" }
silent_gap = { after = "12h" }
`+more), "p.toml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := simulate.Run(simulate.Options{Inputs: []string{events}, Policy: p})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestSilencesExplained(t *testing.T) {
	r := deferralReport(t)
	if sc := r.SilenceChange; sc == nil || *sc != (simulate.SilenceChange{AsIsOnly: 1, AsIsOnlyDeferred: 1}) {
		t.Fatalf("silence_change %+v", r.SilenceChange)
	}
	if sf := r.SourceFlapping; sf == nil || sf.Entities != 1 || sf.Customers != 1 {
		t.Fatalf("source_flapping %+v", r.SourceFlapping)
	}
	if sg, _ := r.Flag("silent_gap"); sg.AsIs.Count != 2 || sg.Policy.Count != 1 {
		t.Fatalf("silent_gap %d -> %d", sg.AsIs.Count, sg.Policy.Count)
	}
	j, doc, page := renderBoth(t, r)
	for _, bad := range []string{"cannot shorten", "can only make it longer", "can only hold messages back"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page says %q, which its numbers contradict", bad)
		}
	}
	if pill := doc.Find("#flag-silent_gap .pill"); pill.Text() != "fewer" || pill.HasClass("better") {
		t.Errorf("silences pill %q (classes %q): want a neutral \"fewer\"", pill.Text(), pill.AttrOr("class", ""))
	}
	why := doc.Find(`section[aria-labelledby="silences"] p.why`)
	if !strings.Contains(why.Text(), "Silent today but not with the policy: 1 entity.") ||
		!strings.Contains(why.Text(), "1 had a message deferred out of quiet hours") {
		t.Errorf("silences section: %q", why.Text())
	}
	// Every number of every sentence about silences and source flapping is
	// a JSON field of the report, showing its value.
	sentences := why.AddSelection(doc.Find(".summary li")).AddSelection(doc.Find("#source-flapping > p"))
	if sentences.Length() < 4 {
		t.Fatalf("%d sentences found", sentences.Length())
	}
	checkFigures(t, j, sentences)
	var text bytes.Buffer
	if err := Write(&text, r, "text"); err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(text.String()), " ")
	for _, want := range []string{
		"Silences of more than 12 h: 2 entities with today's setup, 1 with the policy.",
		"Silent today but not with the policy: 1 entity. For them the policy sent some of their messages later (1 had a message deferred out of quiet hours)",
		"Statuses that flap in the input (back to a status left within 1 d, whatever the messages): 1 entity of 1 customer.",
		`source_flapping, input: c2 / o2: back to "in_transit" after 2 h [in_transit → held → in_transit]`,
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("text lacks %q:\n%s", want, text.String())
		}
	}
}

// checkFigures checks that every number of the sentences is a JSON field
// of the report j, showing its value.
func checkFigures(t *testing.T, j any, sentences *goquery.Selection) {
	t.Helper()
	digits := regexp.MustCompile(`[0-9]`)
	sentences.Each(func(_ int, s *goquery.Selection) {
		c := s.Clone()
		c.Find("[data-json], [data-op]").Each(func(_ int, f *goquery.Selection) {
			path := f.AttrOr("data-json", "")
			v, err := jsonAt(j, path)
			if err != nil {
				t.Errorf("%q: %v", f.Text(), err)
			} else if want := jsonText(v); f.AttrOr("value", f.AttrOr("data-value", f.Text())) != want {
				t.Errorf("%s shows %q, JSON %s", path, f.AttrOr("value", ""), want)
			}
			f.Remove()
		})
		if rest := c.Text(); digits.MatchString(rest) {
			t.Errorf("a number in the sentence is not a report field: %q", rest)
		}
	})
}

// TestKeepaliveSilencesExplained checks the silence sentences of a policy
// with keep-alives: they name the keep-alives among what splits a silence
// and what is left, and claim nothing that keep-alives make false.
func TestKeepaliveSilencesExplained(t *testing.T) {
	// o1's silence is split by the deferral as before; o2 gets keep-alives
	// while in_transit, but quiet hours leave it a night of 14 h.
	r := deferralReportWith(t, `[[simulate.keepalive]]
after = "4h"
template = "still"
statuses = ["in_transit"]
repeat = true
`)
	if r.Keepalive == nil || r.Keepalive.Sent == 0 {
		t.Fatalf("keepalive %+v", r.Keepalive)
	}
	if sc := r.SilenceChange; sc == nil || sc.AsIsOnly != 1 {
		t.Fatalf("silence_change %+v", r.SilenceChange)
	}
	if sg, _ := r.Flag("silent_gap"); sg.AsIs.Count != 2 || sg.Policy.Count != 1 {
		t.Fatalf("silent_gap %d -> %d", sg.AsIs.Count, sg.Policy.Count)
	}
	j, doc, page := renderBoth(t, r)
	for _, bad := range []string{"got no extra message", "fills no silence:", "sends no message that today's setup does not send"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page says %q, which keep-alives make false", bad)
		}
	}
	why := doc.Find(`section[aria-labelledby="silences"] p.why`)
	checkFigures(t, j, why.AddSelection(doc.Find(".summary li")))
	var text bytes.Buffer
	if err := Write(&text, r, "text"); err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(text.String()), " ")
	for _, want := range []string{
		"Silent today but not with the policy: 1 entity. For them a keep-alive, or a message the policy sent later (1 had a message deferred out of quiet hours), fell inside the long silence",
		fmt.Sprintf("Silent with the policy after its %d keep-alive", r.Keepalive.Sent),
		"Holding messages back fills no silence; a message that today's setup does not send, such as a keep-alive (“still on its way”), can.",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("text lacks %q:\n%s", want, text.String())
		}
	}
}

// jsonText renders a JSON value as the page's value attributes hold it.
func jsonText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return fmt.Sprint(v)
}
