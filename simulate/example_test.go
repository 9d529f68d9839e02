package simulate

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// exampleOptions replays examples/simulate with its templates' channels
// and segments (as --templates examples/simulate/templates links them).
func exampleOptions(t testing.TB) Options {
	t.Helper()
	p, err := LoadPolicy("../examples/simulate/policy.toml")
	if err != nil {
		t.Fatal(err)
	}
	return Options{Inputs: []string{"../examples/simulate/events.csv"}, Policy: p, Templates: map[string]TemplateInfo{
		"delivery-shipped": {ID: "delivery-shipped", Channel: "sms", Segments: 1},
		"delivery-delayed": {ID: "delivery-delayed", Channel: "sms", Segments: 2},
		"delivery-today":   {ID: "delivery-today", Channel: "sms", Segments: 1},
		"delivery-closed":  {ID: "delivery-closed", Channel: "sms", Segments: 1},
	}}
}

func exampleReport(t testing.TB) *Report {
	t.Helper()
	r, err := Run(exampleOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

const fixtureDir = "../testdata/simulate"

// sameReport reports whether a and b hold the same figures, the same
// per-customer rows and the same trails.
func sameReport(a, b *Report) bool {
	ca, cb := *a, *b
	ca.rows, cb.rows = nil, nil
	ca.Trails, cb.Trails = nil, nil
	if !reflect.DeepEqual(ca, cb) || !reflect.DeepEqual(a.CustomerRows(), b.CustomerRows()) {
		return false
	}
	ta, errA := json.Marshal(a.Trails)
	tb, errB := json.Marshal(b.Trails)
	return errA == nil && errB == nil && bytes.Equal(ta, tb)
}
