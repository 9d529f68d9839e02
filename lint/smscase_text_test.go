package lint

import (
	"testing"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/lint/sms"
)

// SMSCaseTexts must give exactly the texts EstimateSMS measures.
func TestSMSCaseTextsMatchEstimateSMS(t *testing.T) {
	cfg := DefaultConfig(nil)
	set := sms.DefaultSettings()
	cases := []string{
		"+++\n[vars]\neta = { sample = \"14:00\", max = 5 }\n+++\nArrives {{eta}}.\n",
		"+++\n[vars]\nname = { sample = \"Zoë\", max = 30, charset = \"unicode\" }\n+++\nHi {{name}}, {{undeclared}} left.\n",
		"{n, plural, one {one parcel is late} other {# parcels are late, sorry for the long wait}} today.\n",
		"Plain text without placeholders’.\n",
	}
	for _, c := range cases {
		ts, err := load.Load("sms/en/x.txt", []byte(c), &cfg.Config)
		if err != nil {
			t.Fatal(err)
		}
		tp := ts[0]
		best, worst := message.SMSCaseTexts(tp, set)
		est := message.EstimateSMS(tp, set)
		opt := set.Options()
		if got := sms.Analyze(best, opt); got.Units != est.Best.Units || got.Segments != est.Best.Segments || got.Encoding != est.Best.Encoding {
			t.Errorf("%q: best %q is %+v, EstimateSMS measured %+v", c, best, got, est.Best)
		}
		if got := sms.Analyze(worst, opt); got.Units != est.Worst.Units || got.Segments != est.Worst.Segments || got.Encoding != est.Worst.Encoding {
			t.Errorf("%q: worst %q is %+v, EstimateSMS measured %+v", c, worst, got, est.Worst)
		}
	}
}
