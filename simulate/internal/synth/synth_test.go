package synth

import (
	"bytes"
	"strings"
	"testing"
)

func TestWriteIsDeterministic(t *testing.T) {
	for _, order := range []string{ByTime, ByCustomer, Random} {
		var a, b bytes.Buffer
		if err := Write(&a, Config{Events: 5000, Seed: 7, Order: order}); err != nil {
			t.Fatal(err)
		}
		if err := Write(&b, Config{Events: 5000, Seed: 7, Order: order}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two runs differ", order)
		}
		lines := strings.Split(strings.TrimSpace(a.String()), "\n")
		if len(lines) != 5001 || lines[0] != "customer_id,entity_id,timestamp,status,timezone" {
			t.Errorf("%s: %d lines, header %q", order, len(lines), lines[0])
		}
		if order == ByTime {
			for i := 2; i < len(lines); i++ {
				if strings.Split(lines[i-1], ",")[2] > strings.Split(lines[i], ",")[2] {
					t.Fatalf("not in time order at line %d", i+1)
				}
			}
		}
	}
	if err := Write(&bytes.Buffer{}, Config{Events: 1, Order: "sideways"}); err == nil {
		t.Error("unknown order: no error")
	}
}
