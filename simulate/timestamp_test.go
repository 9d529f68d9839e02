package simulate

import (
	"strings"
	"testing"
	"time"
)

func TestTimeBounds(t *testing.T) {
	if got := daysFromCivil(1950, 1, 1) * nsPerDay; got != minTime {
		t.Errorf("minTime = %d, want %d", minTime, got)
	}
	if got := daysFromCivil(2200, 1, 1) * nsPerDay; got != maxTime {
		t.Errorf("maxTime = %d, want %d", maxTime, got)
	}
}

func TestParseTimestamp(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	tests := []struct {
		in   string
		want string // RFC 3339 in UTC, or "error: substring"
	}{
		{"2026-03-02T10:00:00Z", "2026-03-02T10:00:00Z"},
		{"2026-03-02t10:00:00z", "2026-03-02T10:00:00Z"},
		{"2026-03-02T10:00:00+01:00", "2026-03-02T09:00:00Z"},
		{"2026-03-02T10:00:00-05:30", "2026-03-02T15:30:00Z"},
		{"2026-03-02T10:00:00.123456789Z", "2026-03-02T10:00:00.123456789Z"},
		{"2026-03-02T10:00:00.5+0100", "2026-03-02T09:00:00.5Z"},
		{"2026-03-02 10:00:00", "2026-03-02T09:00:00Z"},        // naive: Berlin (CET)
		{"2026-07-02 10:00:00.250", "2026-07-02T08:00:00.25Z"}, // CEST
		{"2026-07-02T10:00:00", "2026-07-02T08:00:00Z"},
		{"  2026-07-02 10:00:00 ", "2026-07-02T08:00:00Z"},
		{"2026-03-29 02:30:00", "2026-03-29T01:30:00Z"}, // in the spring gap: moved forward an hour (03:30 CEST)
		{"2026-10-25 02:30:00", "2026-10-25T00:30:00Z"}, // in the fall fold: the earlier (CEST) instant
		{"2024-02-29 12:00:00", "2024-02-29T11:00:00Z"},
		{"1772445600", "2026-03-02T10:00:00Z"},
		{"1772445600000", "2026-03-02T10:00:00Z"},
		{"1772445600.5", "2026-03-02T10:00:00.5Z"},
		{"100000000", "1973-03-03T09:46:40Z"},
		{"", "error: empty"},
		{"99999999", "error: too small"},
		{"20260302", "error: too small"},
		{"100000000000000", "error: too large"},
		{"1772445600000.5", "error: fractional milliseconds"},
		{"2026-13-02 10:00:00", "error: month out of range"},
		{"2026-02-29 10:00:00", "error: day out of range"},
		{"2026-03-02 24:00:00", "error: hour out of range"},
		{"2026-03-02 10:60:00", "error: minute out of range"},
		{"2026-03-02 10:00:60", "error: second out of range"},
		{"2026-03-02 10:00", "error: want RFC 3339"},
		{"02.03.2026 10:00:00", "error: want RFC 3339"},
		{"2026-03-02T10:00:00+25:00", "error: bad UTC offset"},
		{"2026-03-02T10:00:00 CET", "error: unexpected text"},
		{"2026-03-02T10:00:00.Z", "error: no digits after"},
		{"1949-12-31 23:00:00", "error: year outside"},
		{"2200-01-01 00:00:00", "error: year outside"},
		{"8000000000", "error: after the supported years"},
		{"now", "error: want RFC 3339"},
	}
	for _, tc := range tests {
		got, err := ParseTimestamp(tc.in, berlin)
		if strings.HasPrefix(tc.want, "error: ") {
			if err == nil || !strings.Contains(err.Error(), strings.TrimPrefix(tc.want, "error: ")) {
				t.Errorf("ParseTimestamp(%q) = %v, %v; want error containing %q", tc.in, got, err, strings.TrimPrefix(tc.want, "error: "))
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseTimestamp(%q): %v", tc.in, err)
			continue
		}
		if s := got.UTC().Format(time.RFC3339Nano); s != tc.want {
			t.Errorf("ParseTimestamp(%q) = %s, want %s", tc.in, s, tc.want)
		}
	}
}

// TestNaiveMatchesTimeParse checks the hand-written naive reader against
// time.ParseInLocation away from DST transitions, for several zones.
func TestNaiveMatchesTimeParse(t *testing.T) {
	for _, name := range []string{"UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		z := newZone(loc)
		for ts := time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC); ts.Year() < 2190; ts = ts.Add(97*time.Hour + 13*time.Minute + 7*time.Second) {
			s := ts.Format("2006-01-02 15:04:05")
			want, _ := time.ParseInLocation("2006-01-02 15:04:05", s, loc)
			got, err := parseTimestamp([]byte(s), z)
			if err != nil {
				t.Fatalf("%s %s: %v", name, s, err)
			}
			if got != want.UnixNano() && want.In(loc).Format("2006-01-02 15:04:05") == s {
				// Skip wall times in a gap or fold, where time.ParseInLocation's choice differs.
				z2 := newZone(loc)
				if _, n, _ := z2.wallInstants(want.Unix() + z2.offsetAt(want.Unix())); n == 1 {
					t.Fatalf("%s %q: got %s, time.ParseInLocation %s", name, s, time.Unix(0, got).UTC(), want.UTC())
				}
			}
		}
	}
}

func TestZoneLocalDayAndTimeOfDay(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	z := newZone(berlin)
	for ts := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC); ts.Year() < 2028; ts = ts.Add(17*time.Minute + 3*time.Second) {
		l := ts.In(berlin)
		wantTOD := int64(l.Hour()*3600+l.Minute()*60+l.Second()) * nsPerSec
		if got := z.timeOfDay(ts.UnixNano()); got != wantTOD {
			t.Fatalf("%s: timeOfDay %d, want %d", l, got, wantTOD)
		}
		y, m, d := l.Date()
		if got, want := z.localDay(ts.UnixNano()), daysFromCivil(int64(y), int64(m), int64(d)); got != want {
			t.Fatalf("%s: localDay %d, want %d", l, got, want)
		}
	}
}

func TestNextWallClock(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	z := newZone(berlin)
	tests := []struct {
		from string // UTC
		hhmm int
		want string // UTC
	}{
		{"2026-03-02T21:00:00Z", 8 * 60, "2026-03-03T07:00:00Z"},
		{"2026-03-28T22:00:00Z", 8 * 60, "2026-03-29T06:00:00Z"}, // spring forward: 08:00 CEST
		{"2026-03-29T00:15:00Z", 150, "2026-03-29T01:00:00Z"},    // 02:30 skipped: the jump to 03:00 CEST
		{"2026-10-24T20:00:00Z", 8 * 60, "2026-10-25T07:00:00Z"}, // fall back: 08:00 CET
		{"2026-10-25T00:10:00Z", 150, "2026-10-25T00:30:00Z"},    // first 02:30 (CEST)
		{"2026-10-25T00:30:00Z", 150, "2026-10-25T01:30:00Z"},    // strictly after: the second 02:30 (CET)
		{"2026-10-25T01:10:00Z", 150, "2026-10-25T01:30:00Z"},    // second pass
		{"2026-03-02T22:30:00.5Z", 0, "2026-03-02T23:00:00Z"},    // midnight
	}
	for _, tc := range tests {
		from, _ := time.Parse(time.RFC3339Nano, tc.from)
		got := time.Unix(0, z.nextWallClock(from.UnixNano(), tc.hhmm)).UTC().Format(time.RFC3339)
		if got != tc.want {
			t.Errorf("nextWallClock(%s, %02d:%02d) = %s, want %s", tc.from, tc.hhmm/60, tc.hhmm%60, got, tc.want)
		}
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		err  bool
	}{
		{"30m", 30 * time.Minute, false},
		{"1h30m", 90 * time.Minute, false},
		{"1.5h", 90 * time.Minute, false},
		{"2d", 48 * time.Hour, false},
		{"1d12h", 36 * time.Hour, false},
		{"0.5d", 12 * time.Hour, false},
		{"0", 0, false},
		{" 45s ", 45 * time.Second, false},
		{"", 0, true},
		{"-1h", 0, true},
		{"2x", 0, true},
		{"d", 0, true},
		{"1dd", 0, true},
		{"30", 0, true},
		{"1e400d", 0, true},
	}
	for _, tc := range tests {
		got, err := ParseDuration(tc.in)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.err)
		}
	}
	for d, want := range map[time.Duration]string{48 * time.Hour: "2d", 36 * time.Hour: "1d12h", 30 * time.Minute: "30m", 40 * time.Second: "40s", 90 * time.Minute: "1h30m", 1500 * time.Millisecond: "1.5s"} {
		if got := formatDuration(d); got != want {
			t.Errorf("formatDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestParseQuietHours(t *testing.T) {
	tests := []struct {
		in         string
		start, end int
		err        bool
	}{
		{"21:00-08:00", 21 * 60, 8 * 60, false},
		{"9:30 - 17:45", 9*60 + 30, 17*60 + 45, false},
		{"23:00-00:00", 23 * 60, 0, false},
		{"08:00-08:00", 0, 0, true},
		{"24:00-08:00", 0, 0, true},
		{"21:60-08:00", 0, 0, true},
		{"21-08", 0, 0, true},
		{"21:00", 0, 0, true},
		{"21:00-8", 0, 0, true},
		{"+1:00-02:00", 0, 0, true},
	}
	for _, tc := range tests {
		q, err := ParseQuietHours(tc.in)
		if (err != nil) != tc.err || !tc.err && (q.Start != tc.start || q.End != tc.end) {
			t.Errorf("ParseQuietHours(%q) = %+v, %v", tc.in, q, err)
		}
	}
	q := QuietHours{Start: 21 * 60, End: 8 * 60}
	for tod, want := range map[int]bool{21 * 60: true, 23*60 + 59: true, 0: true, 7*60 + 59: true, 8 * 60: false, 12 * 60: false, 20*60 + 59: false} {
		if got := q.containsTOD(int64(tod) * 60 * nsPerSec); got != want {
			t.Errorf("21:00-08:00 contains %02d:%02d = %v", tod/60, tod%60, got)
		}
	}
}
