package simulate

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Supported timestamps: the years 1950-2199, so that differences and sums
// of times and durations never overflow Unix nanoseconds in an int64.
const (
	minYear       = 1950
	maxYear       = 2199
	minTime       = -7305 * nsPerDay    // 1950-01-01T00:00:00Z
	maxTime       = 84006 * nsPerDay    // 2200-01-01T00:00:00Z
	unixSecMin    = 100_000_000         // 1973-03-03: smaller digit strings are not taken as Unix time
	unixMilliMin  = 100_000_000_000     // from here on, digits are milliseconds
	unixMilliStop = 100_000_000_000_000 // beyond: not seconds or milliseconds
)

// ParseTimestamp parses one timestamp the way the readers do: RFC 3339 with
// an offset; "YYYY-MM-DD HH:MM:SS[.fff]" or "YYYY-MM-DDTHH:MM:SS[.fff]"
// without one, read as wall time in loc; or Unix seconds or milliseconds
// (digits only; 100000000 to 99999999999 are seconds, 100000000000 to
// 99999999999999 milliseconds). Naive times in a spring-forward gap move
// forward by the gap; in a fall-back fold the earlier instant is taken.
func ParseTimestamp(s string, loc *time.Location) (time.Time, error) {
	ns, err := parseTimestamp([]byte(s), newZone(loc))
	if err != nil {
		return time.Time{}, err
	}
	return time.Unix(0, ns).In(loc), nil
}

var errEmptyTimestamp = errors.New("empty timestamp")

// parseTimestamp parses b into Unix nanoseconds; naive times are read in z.
func parseTimestamp(b []byte, z *zone) (int64, error) {
	b = trimSpace(b)
	if len(b) == 0 {
		return 0, errEmptyTimestamp
	}
	if isNumeric(b) {
		return parseUnix(b)
	}
	if len(b) < 19 || b[4] != '-' || b[7] != '-' || (b[10] != ' ' && b[10] != 'T' && b[10] != 't') || b[13] != ':' || b[16] != ':' {
		return 0, badTimestamp(b, "want RFC 3339, \"YYYY-MM-DD HH:MM:SS\" or Unix seconds/milliseconds")
	}
	y1, ok1 := two(b[0], b[1])
	y2, ok2 := two(b[2], b[3])
	mo, ok3 := two(b[5], b[6])
	d, ok4 := two(b[8], b[9])
	h, ok5 := two(b[11], b[12])
	mi, ok6 := two(b[14], b[15])
	sec, ok7 := two(b[17], b[18])
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || !ok6 || !ok7 {
		return 0, badTimestamp(b, "non-digit in date or time")
	}
	y := y1*100 + y2
	switch {
	case y < minYear || y > maxYear:
		return 0, badTimestamp(b, fmt.Sprintf("year outside %d-%d", minYear, maxYear))
	case mo < 1 || mo > 12:
		return 0, badTimestamp(b, "month out of range")
	case d < 1 || d > daysIn(y, mo):
		return 0, badTimestamp(b, "day out of range")
	case h > 23:
		return 0, badTimestamp(b, "hour out of range")
	case mi > 59:
		return 0, badTimestamp(b, "minute out of range")
	case sec > 59:
		return 0, badTimestamp(b, "second out of range")
	}
	rest := b[19:]
	var frac int64
	if len(rest) > 0 && (rest[0] == '.' || rest[0] == ',') {
		i := 1
		scale := int64(100_000_000)
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			frac += int64(rest[i]-'0') * scale
			scale /= 10
			i++
		}
		if i == 1 {
			return 0, badTimestamp(b, "no digits after the decimal point")
		}
		rest = rest[i:]
	}
	wall := daysFromCivil(y, mo, d)*secPerDay + h*3600 + mi*60 + sec
	var unix int64
	switch {
	case len(rest) == 0:
		unix = z.wallToUnix(wall)
	case len(rest) == 1 && (rest[0] == 'Z' || rest[0] == 'z'):
		unix = wall
	case rest[0] == '+' || rest[0] == '-':
		off, ok := parseOffset(rest[1:])
		if !ok {
			return 0, badTimestamp(b, "bad UTC offset (want +HH:MM)")
		}
		if rest[0] == '-' {
			off = -off
		}
		unix = wall - off
	default:
		return 0, badTimestamp(b, "unexpected text after the time")
	}
	if unix < minTime/nsPerSec-secPerDay || unix >= maxTime/nsPerSec+secPerDay {
		return 0, badTimestamp(b, fmt.Sprintf("outside the supported years %d-%d", minYear, maxYear))
	}
	return unix*nsPerSec + frac, nil
}

// parseOffset parses "HH:MM" or "HHMM" into seconds.
func parseOffset(b []byte) (int64, bool) {
	var hs, ms []byte
	switch len(b) {
	case 5:
		if b[2] != ':' {
			return 0, false
		}
		hs, ms = b[0:2], b[3:5]
	case 4:
		hs, ms = b[0:2], b[2:4]
	default:
		return 0, false
	}
	h, ok1 := digits(hs)
	m, ok2 := digits(ms)
	if !ok1 || !ok2 || h > 23 || m > 59 {
		return 0, false
	}
	return h*3600 + m*60, true
}

// parseUnix parses Unix seconds (optionally with a fraction) or milliseconds.
func parseUnix(b []byte) (int64, error) {
	intPart, fracPart, hasFrac := strings.Cut(string(b), ".")
	if len(intPart) > 15 {
		return 0, badTimestamp(b, "too large for Unix seconds or milliseconds")
	}
	n, ok := digits([]byte(intPart))
	if !ok {
		return 0, badTimestamp(b, "want RFC 3339, \"YYYY-MM-DD HH:MM:SS\" or Unix seconds/milliseconds")
	}
	switch {
	case n < unixSecMin:
		return 0, badTimestamp(b, "too small for a Unix timestamp (before 1973-03-03)")
	case n >= unixMilliStop:
		return 0, badTimestamp(b, "too large for Unix seconds or milliseconds")
	}
	if (n < unixMilliMin && n >= maxTime/nsPerSec) || n >= maxTime/int64(time.Millisecond) {
		return 0, badTimestamp(b, fmt.Sprintf("after the supported years %d-%d", minYear, maxYear))
	}
	if hasFrac {
		if n >= unixMilliMin {
			return 0, badTimestamp(b, "fractional milliseconds are not supported")
		}
		if fracPart == "" {
			return 0, badTimestamp(b, "no digits after the decimal point")
		}
		var frac int64
		scale := int64(100_000_000)
		for i := 0; i < len(fracPart); i++ {
			c := fracPart[i]
			if c < '0' || c > '9' {
				return 0, badTimestamp(b, "non-digit in fraction")
			}
			frac += int64(c-'0') * scale
			scale /= 10
		}
		return n*nsPerSec + frac, nil
	}
	if n >= unixMilliMin {
		return n * int64(time.Millisecond), nil
	}
	return n * nsPerSec, nil
}

// two parses two decimal digits.
func two(a, b byte) (int64, bool) {
	a, b = a-'0', b-'0'
	return int64(a)*10 + int64(b), a <= 9 && b <= 9
}

// isNumeric reports whether b is digits, optionally with one fraction.
func isNumeric(b []byte) bool {
	dot := false
	for i, c := range b {
		switch {
		case c >= '0' && c <= '9':
		case c == '.' && !dot && i > 0:
			dot = true
		default:
			return false
		}
	}
	return true
}

// digits parses an unsigned decimal of at most 18 digits.
func digits(b []byte) (int64, bool) {
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

func isLeap(y int64) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int64) int64 {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil returns the number of days from 1970-01-01 to y-m-d
// (proleptic Gregorian; H. Hinnant's algorithm).
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func badTimestamp(b []byte, why string) error {
	return fmt.Errorf("unparsable timestamp %s: %s", quoteValue(b), why)
}

// quoteValue quotes a field value for an error message, shortened when long.
func quoteValue(b []byte) string {
	const max = 60
	if len(b) > max {
		return fmt.Sprintf("%q… (%d bytes)", b[:max], len(b))
	}
	return fmt.Sprintf("%q", b)
}

// trimSpace trims ASCII spaces and tabs.
func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}
