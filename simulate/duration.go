package simulate

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// ParseDuration parses a non-negative duration in Go's syntax ("90m",
// "1h30m", "1.5h") extended with a day unit: "2d", "1d12h" (a day is 24 hours).
func ParseDuration(s string) (time.Duration, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return 0, errors.New("empty duration")
	}
	if strings.HasPrefix(in, "-") {
		return 0, fmt.Errorf("duration %q is negative", s)
	}
	if in == "0" {
		return 0, nil
	}
	if !strings.Contains(in, "d") {
		d, err := time.ParseDuration(in)
		if err != nil {
			return 0, fmt.Errorf("invalid duration %q (examples: \"30m\", \"2h\", \"2d\")", s)
		}
		return d, nil
	}
	var total time.Duration
	rest := in
	for rest != "" {
		i := 0
		for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.') {
			i++
		}
		j := i
		for j < len(rest) && (rest[j] < '0' || rest[j] > '9') && rest[j] != '.' {
			j++
		}
		num, unit := rest[:i], rest[i:j]
		rest = rest[j:]
		if num == "" || unit == "" {
			return 0, fmt.Errorf("invalid duration %q (examples: \"30m\", \"2h\", \"2d\")", s)
		}
		var part time.Duration
		if unit == "d" {
			f, err := strconv.ParseFloat(num, 64)
			if err != nil || f*24*float64(time.Hour) > math.MaxInt64/2 {
				return 0, fmt.Errorf("invalid duration %q: bad day count %q", s, num)
			}
			part = time.Duration(f * 24 * float64(time.Hour))
		} else {
			d, err := time.ParseDuration(num + unit)
			if err != nil {
				return 0, fmt.Errorf("invalid duration %q (examples: \"30m\", \"2h\", \"2d\")", s)
			}
			part = d
		}
		if total > math.MaxInt64-part {
			return 0, fmt.Errorf("duration %q is too long", s)
		}
		total += part
	}
	return total, nil
}

// formatDuration renders d compactly in the syntax ParseDuration reads,
// with a day unit ("2d", "1d12h", "30m", "4m4.068s"): a value for machines
// and config files; people read HumanDuration.
func formatDuration(d time.Duration) string {
	if d <= 0 {
		return "0s"
	}
	var b strings.Builder
	units := []struct {
		name string
		size time.Duration
	}{{"d", 24 * time.Hour}, {"h", time.Hour}, {"m", time.Minute}}
	for _, u := range units {
		if n := d / u.size; n > 0 {
			fmt.Fprintf(&b, "%d%s", n, u.name)
			d -= n * u.size
		}
	}
	if d > 0 {
		s := strconv.FormatInt(int64(d/time.Second), 10)
		if frac := d % time.Second; frac > 0 {
			s += strings.TrimRight(fmt.Sprintf(".%09d", int64(frac)), "0")
		}
		b.WriteString(s + "s")
	}
	return b.String()
}

func durationOf(ns int64) time.Duration { return time.Duration(ns) }
