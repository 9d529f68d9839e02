package simulate

import (
	"strconv"
	"strings"
	"time"
)

// HumanDuration renders d for people: "4.07 s", "350 ms", "4 min 4 s",
// "12 h 10 min", "2 d 3 h". From a minute on it names every unit that is
// not zero, to the second (rounded); below a minute it gives three
// significant digits.
func HumanDuration(d time.Duration) string {
	switch {
	case d <= 0:
		return "0 s"
	case d < time.Microsecond:
		return strconv.FormatInt(int64(d), 10) + " ns"
	case d < time.Millisecond:
		return threeDigits(float64(d)/float64(time.Microsecond)) + " µs"
	case d < time.Second:
		return threeDigits(float64(d)/float64(time.Millisecond)) + " ms"
	case d < time.Minute-time.Second/2:
		return threeDigits(d.Seconds()) + " s"
	}
	d = d.Round(time.Second)
	units := []struct {
		name string
		size time.Duration
	}{{"d", 24 * time.Hour}, {"h", time.Hour}, {"min", time.Minute}, {"s", time.Second}}
	var parts []string
	for _, u := range units {
		if n := d / u.size; n > 0 {
			parts = append(parts, strconv.FormatInt(int64(n), 10)+" "+u.name)
			d -= n * u.size
		}
	}
	return strings.Join(parts, " ")
}

// threeDigits formats x (at least 1) with three significant digits and no
// trailing zeros: 4.068 -> "4.07", 30 -> "30", 12.5 -> "12.5".
func threeDigits(x float64) string {
	dec := 2
	switch {
	case x >= 100:
		dec = 0
	case x >= 10:
		dec = 1
	}
	s := strconv.FormatFloat(x, 'f', dec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// HumanSetting renders a duration setting of the report ("1d12h", "30m")
// as HumanDuration does; a value that is not a duration is returned as it
// is.
func HumanSetting(s string) string {
	d, err := ParseDuration(s)
	if err != nil {
		return s
	}
	return HumanDuration(d)
}
