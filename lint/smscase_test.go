package lint

import (
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/lint/sms"
)

func TestEstimateSMSICUBranches(t *testing.T) {
	long := strings.Repeat("late ", 40) // 200 characters
	src := "{\"parcel\": \"Acme: {count, plural, one {your parcel is late} other {" + long + "}}. Sorry.\"}"
	cfg := DefaultConfig(nil)
	ts, err := load.Load("locales/en.json", []byte(src), &cfg.Config)
	if err != nil || len(ts) != 1 {
		t.Fatalf("load: %v, %d templates", err, len(ts))
	}
	ts[0].Channel = "sms"
	est := message.EstimateSMS(ts[0], sms.DefaultSettings())
	if want := len("Acme: your parcel is late. Sorry."); est.Best.Units != want || est.Best.Segments != 1 {
		t.Errorf("best: %d units %d segments, want %d units 1 segment", est.Best.Units, est.Best.Segments, want)
	}
	if want := len("Acme: " + long + ". Sorry."); est.Worst.Units != want {
		t.Errorf("worst: %d units, want %d (the other branch only)", est.Worst.Units, want)
	}
}
