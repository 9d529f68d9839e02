package simulate

import (
	"fmt"
	"strconv"
	"strings"
)

// QuietHours is a daily local-time window [Start, End) in minutes after local
// midnight; Start > End wraps midnight ("21:00-08:00").
type QuietHours struct {
	Start, End int
}

// ParseQuietHours parses "HH:MM-HH:MM" (hours 0-23, minutes 0-59; start and
// end must differ).
func ParseQuietHours(s string) (QuietHours, error) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return QuietHours{}, fmt.Errorf("quiet hours %q: want \"HH:MM-HH:MM\"", s)
	}
	start, err := parseClock(strings.TrimSpace(a))
	if err != nil {
		return QuietHours{}, fmt.Errorf("quiet hours %q: %w", s, err)
	}
	end, err := parseClock(strings.TrimSpace(b))
	if err != nil {
		return QuietHours{}, fmt.Errorf("quiet hours %q: %w", s, err)
	}
	if start == end {
		return QuietHours{}, fmt.Errorf("quiet hours %q: start and end are equal", s)
	}
	return QuietHours{Start: start, End: end}, nil
}

// parseClock parses "H:MM" or "HH:MM" into minutes after midnight.
func parseClock(s string) (int, error) {
	h, m, ok := strings.Cut(s, ":")
	if !ok || len(h) < 1 || len(h) > 2 || len(m) != 2 {
		return 0, fmt.Errorf("time %q: want HH:MM", s)
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || hh > 23 || mm < 0 || mm > 59 || h[0] == '+' || m[0] == '+' {
		return 0, fmt.Errorf("time %q: want HH:MM with hours 00-23 and minutes 00-59", s)
	}
	return hh*60 + mm, nil
}

// String renders the window as "HH:MM-HH:MM".
func (q QuietHours) String() string {
	return fmt.Sprintf("%02d:%02d-%02d:%02d", q.Start/60, q.Start%60, q.End/60, q.End%60)
}

// containsTOD reports whether a local time of day (nanoseconds after local
// midnight by the wall clock) lies inside the window.
func (q QuietHours) containsTOD(tod int64) bool {
	start := int64(q.Start) * 60 * nsPerSec
	end := int64(q.End) * 60 * nsPerSec
	if q.Start < q.End {
		return tod >= start && tod < end
	}
	return tod >= start || tod < end
}
