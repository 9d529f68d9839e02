package simulate

import (
	"testing"
	"time"
)

func TestHumanDuration(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0 s"},
		{-time.Second, "0 s"},
		{500, "500 ns"},
		{1500, "1.5 µs"},
		{350 * time.Millisecond, "350 ms"},
		{4068 * time.Millisecond, "4.07 s"},
		{30 * time.Second, "30 s"},
		{59*time.Second + 600*time.Millisecond, "1 min"},
		{4*time.Minute + 4068*time.Millisecond, "4 min 4 s"},
		{12*time.Hour + 10*time.Minute, "12 h 10 min"},
		{51*time.Hour + 20*time.Second, "2 d 3 h 20 s"},
		{51 * time.Hour, "2 d 3 h"},
		{96*time.Hour + 30*time.Minute, "4 d 30 min"},
	} {
		if got := HumanDuration(c.d); got != c.want {
			t.Errorf("HumanDuration(%v) = %q, want %q", c.d, got, c.want)
		}
	}
	if got := HumanSetting("1d12h"); got != "1 d 12 h" {
		t.Errorf("HumanSetting(1d12h) = %q", got)
	}
	if got := HumanSetting("21:00-08:00"); got != "21:00-08:00" {
		t.Errorf("HumanSetting of a non-duration = %q", got)
	}
}

func TestFormatDurationParsesBack(t *testing.T) {
	// Settings in the JSON report are durations in the policy's syntax;
	// sub-second parts are decimals of a second, not nanoseconds.
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{4*time.Minute + 4068*time.Millisecond, "4m4.068s"},
		{36 * time.Hour, "1d12h"},
		{1500 * time.Millisecond, "1.5s"},
		{250 * time.Millisecond, "0.25s"},
		{3 * time.Nanosecond, "0.000000003s"},
		{30 * time.Minute, "30m"},
	} {
		got := formatDuration(c.d)
		if got != c.want {
			t.Errorf("formatDuration(%v) = %q, want %q", c.d, got, c.want)
		}
		back, err := ParseDuration(got)
		if err != nil || back != c.d {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", got, back, err, c.d)
		}
	}
}
