package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/notelint/notelint/simulate"
)

// TestKeepaliveInEveryFormat replays the example with a keep-alive and
// checks its own line in every format.
func TestKeepaliveInEveryFormat(t *testing.T) {
	opts := exampleOptions(t)
	opts.Contacts = nil
	p := *opts.Policy
	p.Keepalives = []simulate.Keepalive{{After: 36 * time.Hour, Template: "delivery-still-moving", Repeat: true}}
	opts.Policy = &p
	opts.Templates["delivery-still-moving"] = simulate.TemplateInfo{ID: "delivery-still-moving", Channel: "sms", Segments: 1}
	r, err := simulate.Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	k := r.Keepalive
	if k == nil || k.Sent == 0 {
		t.Fatalf("keepalive = %+v", k)
	}
	out := map[string]string{}
	for _, f := range []string{"text", "md", "html", "csv", "json"} {
		var b bytes.Buffer
		if err := Write(&b, r, f); err != nil {
			t.Fatal(err)
		}
		out[f] = b.String()
	}
	for f, want := range map[string]string{
		"text": fmt.Sprintf("keepalive: %d sent to %d customers", k.Sent, k.Customers),
		"md":   fmt.Sprintf("Keepalive: %d sent to %d customers", k.Sent, k.Customers),
		"html": fmt.Sprintf(`<data value="%d" data-json="keepalive.sent">`, k.Sent),
	} {
		if !strings.Contains(out[f], want) {
			t.Errorf("%s: no %q", f, want)
		}
	}
	if !strings.Contains(out["text"], "delivery-still-moving (keepalive)") {
		t.Error("text: the keep-alive template is not marked")
	}
	var j struct {
		Keepalive simulate.KeepaliveStats `json:"keepalive"`
	}
	if err := json.Unmarshal([]byte(out["json"]), &j); err != nil || j.Keepalive.Sent != k.Sent {
		t.Errorf("json keepalive %+v (%v)", j.Keepalive, err)
	}
	rows, err := csv.NewReader(strings.NewReader(out["csv"])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if h := rows[0]; h[len(h)-1] != "keepalive" {
		t.Fatalf("csv header %v", h)
	}
	var sum int64
	for _, row := range rows[1:] {
		n, _ := strconv.Atoi(row[len(row)-1])
		sum += int64(n)
	}
	if sum != k.Sent {
		t.Errorf("csv keepalive column sums to %d, want %d", sum, k.Sent)
	}
}
