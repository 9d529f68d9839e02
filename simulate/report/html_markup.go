package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/svg"
)

// Mark-up of the figures: every value taken from the report carries the
// JSON field it shows (data-json) or, for a value computed from fields,
// the operation and its fields (data-op, data-args).

// fmtInt renders an integer with thousands separators and a true minus sign.
func fmtInt(n int64) string { return svg.Thousands(float64(n)) }

func fmtDec(x float64, d int) string {
	s := strconv.FormatFloat(x, 'f', d, 64)
	return strings.Replace(s, "-", "−", 1)
}

func dataTag(path, value, text string) template.HTML {
	return template.HTML(fmt.Sprintf(`<data value="%s" data-json="%s">%s</data>`,
		template.HTMLEscapeString(value), template.HTMLEscapeString(path), template.HTMLEscapeString(text)))
}

// hInt shows an integer field.
func hInt(path string, n int64) template.HTML {
	return dataTag(path, strconv.FormatInt(n, 10), fmtInt(n))
}

// hDec shows a float field rounded to d decimals.
func hDec(path string, x float64, d int) template.HTML {
	return template.HTML(fmt.Sprintf(`<data value="%s" data-json="%s" data-decimals="%d">%s</data>`,
		strconv.FormatFloat(x, 'g', -1, 64), template.HTMLEscapeString(path), d, fmtDec(x, d)))
}

// hStr shows a string field.
func hStr(path, s string) template.HTML {
	return template.HTML(fmt.Sprintf(`<span data-json="%s">%s</span>`, template.HTMLEscapeString(path), template.HTMLEscapeString(s)))
}

// hID shows an id (customer, entity) as code.
func hID(path, s string) template.HTML {
	return template.HTML(fmt.Sprintf(`<code class="id" data-json="%s">%s</code>`, template.HTMLEscapeString(path), template.HTMLEscapeString(s)))
}

// hDate shows an RFC 3339 field as a date ("2 Mar 2026").
func hDate(path, s string) template.HTML {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return hStr(path, s)
	}
	return template.HTML(fmt.Sprintf(`<time datetime="%s" data-json="%s" data-fmt="date">%s</time>`,
		template.HTMLEscapeString(s), template.HTMLEscapeString(path), t.Format(htmlDateFmt)))
}

// hTime shows an RFC 3339 field as a local date and clock time.
func hTime(path, s string) template.HTML {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return hStr(path, s)
	}
	return template.HTML(fmt.Sprintf(`<time datetime="%s" data-json="%s" data-fmt="datetime">%s</time>`,
		template.HTMLEscapeString(s), template.HTMLEscapeString(path), t.Format(htmlDateTimeFmt)))
}

// Date formats of the page (the test formats the same way).
const (
	htmlDateFmt     = "2 Jan 2006"
	htmlDateTimeFmt = "Mon 2 Jan 15:04"
	htmlDayFmt      = "Monday 2 January 2006"
)

// priceDecimals is the number of decimals that shows a price exactly
// (at least 2, at most 6).
func priceDecimals(x float64) int {
	for d := 2; d < 6; d++ {
		if strconv.FormatFloat(x, 'f', d, 64) == strconv.FormatFloat(x, 'f', -1, 64) {
			return d
		}
	}
	return 6
}

// pctChange is the relative change from a to b in percent, one decimal;
// ok is false when a is 0.
func pctChange(a, b float64) (float64, bool) {
	if a == 0 {
		return 0, false
	}
	return math.Round((b-a)/a*1000) / 10, true
}

// hPct shows the change from field a to field b in percent.
func hPct(pa, pb string, a, b float64) template.HTML {
	c, ok := pctChange(a, b)
	if !ok {
		return ""
	}
	sign := ""
	switch {
	case c > 0:
		sign = "+"
	case c == 0:
		sign = "±"
	}
	return template.HTML(fmt.Sprintf(`<data class="change" value="%s" data-op="pct" data-args="%s %s">%s%s %%</data>`,
		strconv.FormatFloat(c, 'f', -1, 64), template.HTMLEscapeString(pa), template.HTMLEscapeString(pb), sign, fmtDec(c, 1)))
}

// hDiff shows a − b (an integer saving) of two fields.
func hDiff(pa, pb string, a, b int64) template.HTML {
	return template.HTML(fmt.Sprintf(`<data value="%d" data-op="diff" data-args="%s %s">%s</data>`,
		a-b, template.HTMLEscapeString(pa), template.HTMLEscapeString(pb), fmtInt(a-b)))
}

// hMoneyDiff shows a − b of two money fields, two decimals.
func hMoneyDiff(pa, pb string, a, b float64) template.HTML {
	d := simulate.RoundMoney(a - b)
	return template.HTML(fmt.Sprintf(`<data value="%s" data-op="diff" data-decimals="2" data-args="%s %s">%s</data>`,
		strconv.FormatFloat(d, 'g', -1, 64), template.HTMLEscapeString(pa), template.HTMLEscapeString(pb), fmtDec(d, 2)))
}

// hHist shows the customers of stream k with lo..hi messages (a sum of
// histogram bins).
func hHist(stream string, lo, hi int, n int64) template.HTML {
	return template.HTML(fmt.Sprintf(`<data value="%d" data-op="hist" data-args="%s %d %d">%s</data>`, n, stream, lo, hi, fmtInt(n)))
}

// orOffDur shows a duration setting in words, or "(off)".
func orOffDur(path, s string) template.HTML {
	if s == "" {
		return `<span class="off">(off)</span>`
	}
	return hDur(path, s)
}

// hDur shows a duration field ("1d12h") in words ("1 day 12 hours").
func hDur(path, s string) template.HTML {
	return template.HTML(fmt.Sprintf(`<span data-json="%s" data-value="%s" data-fmt="duration">%s</span>`,
		template.HTMLEscapeString(path), template.HTMLEscapeString(s), template.HTMLEscapeString(durationWords(s))))
}

// durationWords spells out a duration of the report ("1d12h30m" -> "1 day
// 12 hours 30 minutes"); anything else is returned as it is.
func durationWords(s string) string {
	units := map[byte]string{'d': "day", 'h': "hour", 'm': "minute", 's': "second"}
	var parts []string
	num := ""
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9' || c == '.':
			num += string(c)
		case units[c] != "" && num != "" && !(c == 'm' && i+1 < len(s) && s[i+1] == 's'):
			w := units[c]
			if num != "1" {
				w += "s"
			}
			parts = append(parts, num+" "+w)
			num = ""
		default:
			return s
		}
	}
	if num != "" || len(parts) == 0 {
		return s
	}
	return strings.Join(parts, " ")
}

// orOff shows a setting, or "(off)".
func orOff(path, s string) template.HTML {
	if s == "" {
		return `<span class="off">(off)</span>`
	}
	return hStr(path, s)
}

func joinHTML(parts []template.HTML, sep template.HTML) template.HTML {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteString(string(sep))
		}
		b.WriteString(string(p))
	}
	return template.HTML(b.String())
}
