package message

import (
	"testing"

	"github.com/notelint/notelint/lint/sms"
)

func TestRenderBranchesWithoutICU(t *testing.T) {
	// Without ICU, rendering is unchanged.
	p := &Part{Text: VerbatimText("Hi {{ name }}!", 0)}
	p.Placeholders, _ = ScanPlaceholders(p.Text.String())
	if got := renderBranches(p, icuGroups(p), func(Placeholder) string { return "Anna" }, true, sms.Options{}); got != "Hi Anna!" {
		t.Errorf("render %q", got)
	}
}
