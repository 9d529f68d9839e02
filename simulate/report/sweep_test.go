package report

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/notelint/notelint/simulate"
)

// readmeGrid is the grid of the README's sweep on the example stream.
const readmeGrid = "collapse=0,30m; min_gap=1h,3h; max_per_day=2,3; keepalive.after=off,40h; keepalive.template=delivery-still-moving; keepalive.repeat=true"

// TestSweepFrontierImage renders the frontier chart of the README's sweep
// and compares it with examples/simulate/sweep-frontier.svg (the README's
// image). NOTELINT_UPDATE=1 rewrites the file.
func TestSweepFrontierImage(t *testing.T) {
	opts := exampleOptions(t)
	opts.Contacts = nil
	opts.Templates["delivery-still-moving"] = simulate.TemplateInfo{ID: "delivery-still-moving", Channel: "sms", Segments: 1}
	g, err := simulate.ParseGrid(readmeGrid)
	if err != nil {
		t.Fatal(err)
	}
	combos, err := g.Combinations(opts.Policy)
	if err != nil {
		t.Fatal(err)
	}
	res, _, err := simulate.Sweep(opts, readmeGrid, combos, -1)
	if err != nil {
		t.Fatal(err)
	}
	got := FrontierSVG(res) + "\n"
	const path = "../../examples/simulate/sweep-frontier.svg"
	if os.Getenv("NOTELINT_UPDATE") == "1" {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s is out of date: NOTELINT_UPDATE=1 go test -run TestSweepFrontierImage ./simulate/report", path)
	}
	if !strings.Contains(got, `class="point current"`) || strings.Count(got, `class="point frontier"`) < 2 {
		t.Error("the chart lacks the current policy or the frontier")
	}
	// Every format renders.
	for _, f := range Formats() {
		var b bytes.Buffer
		if err := WriteSweep(&b, res, g.Varying(), f); err != nil || b.Len() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
}
