package simulate

import (
	"reflect"
	"testing"
)

func TestDayCounts(t *testing.T) {
	var d dayCounts
	d.add(0, 20000) // 2024-10-04
	d.add(1, 19998) // earlier: grows to the front
	d.add(0, 20003) // later: grows to the back
	d.add(0, 20003)
	want := []DayCount{{"2024-10-02", 0, 1}, {"2024-10-04", 1, 0}, {"2024-10-07", 2, 0}}
	if got := d.days(); !reflect.DeepEqual(got, want) {
		t.Errorf("days = %+v", got)
	}
	var e dayCounts
	e.add(1, 20003)
	e.add(1, 19990)
	e.merge(&d)
	want = []DayCount{{"2024-09-24", 0, 1}, {"2024-10-02", 0, 1}, {"2024-10-04", 1, 0}, {"2024-10-07", 2, 1}}
	if got := e.days(); !reflect.DeepEqual(got, want) {
		t.Errorf("merged = %+v", got)
	}
	if got := mergeDays([]DayCount{{"2024-10-04", 1, 1}}, []DayCount{{"2024-10-01", 2, 2}, {"2024-10-04", 3, 0}}); !reflect.DeepEqual(got, []DayCount{{"2024-10-01", 2, 2}, {"2024-10-04", 4, 1}}) {
		t.Errorf("mergeDays = %+v", got)
	}
	if (&dayCounts{}).days() == nil {
		t.Error("no days: want an empty list, not null")
	}
}

// TestDailyAddsUp: the days of the example add up to the stream totals
// and lie in the local calendar of the messages (March 2026, Berlin).
func TestDailyAddsUp(t *testing.T) {
	r := exampleReport(t)
	var a, p int64
	for i, d := range r.Daily {
		a += d.AsIs
		p += d.Policy
		if i > 0 && r.Daily[i-1].Date >= d.Date {
			t.Errorf("days out of order at %s", d.Date)
		}
		if d.AsIs == 0 && d.Policy == 0 {
			t.Errorf("empty day %s listed", d.Date)
		}
	}
	if a != r.AsIs.Messages || p != r.Policy.Messages {
		t.Errorf("days add up to %d/%d, totals %d/%d", a, p, r.AsIs.Messages, r.Policy.Messages)
	}
	if r.Daily[0].Date != "2026-03-02" || r.Daily[len(r.Daily)-1].Date != "2026-03-24" {
		t.Errorf("days %s..%s", r.Daily[0].Date, r.Daily[len(r.Daily)-1].Date)
	}
}
