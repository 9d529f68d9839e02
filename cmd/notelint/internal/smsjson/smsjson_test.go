package smsjson

import (
	"encoding/json"
	"testing"

	"github.com/notelint/notelint/lint/sms"
)

func TestNew(t *testing.T) {
	cases := []struct {
		text, split, want string
	}{
		{"", "graphemes", `{"encoding":"GSM-7","units":0,"segments":1,"characters":0,"per_segment":160,"too_long":false,"split":"graphemes","non_gsm":[],"parts":[{"start":0,"end":0,"units":0,"text":""}]}`},
		{"We’re", "minimal", `{"encoding":"UCS-2","units":5,"segments":1,"characters":5,"per_segment":70,"too_long":false,"split":"minimal","non_gsm":[{"char":"’","offset":2,"replacement":"'"}],"parts":[{"start":0,"end":7,"units":5,"text":"We’re"}]}`},
	}
	for _, c := range cases {
		opt := sms.Options{}
		if c.split == "minimal" {
			opt.Split = sms.Minimal
		}
		if got := SplitName(opt.Split); got != c.split {
			t.Errorf("SplitName = %q, want %q", got, c.split)
		}
		b, err := json.Marshal(New(c.text, sms.Analyze(c.text, opt), c.split))
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.text, b, c.want)
		}
	}
}
