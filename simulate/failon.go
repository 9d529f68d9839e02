package simulate

import (
	"fmt"
	"strconv"
	"strings"
)

// Threshold is one --fail-on condition, e.g. "p99>5" or "as_is.burst>=1".
type Threshold struct {
	Text   string
	Metric string // metric name without stream prefix
	AsIs   bool   // evaluated on the as-is stream (prefix "as_is.")
	Op     string
	Value  float64
}

// Crossed is a threshold that the report crosses.
type Crossed struct {
	Threshold
	Actual float64
}

func (c Crossed) String() string {
	return fmt.Sprintf("%s (actual %s)", c.Text, strconv.FormatFloat(c.Actual, 'f', -1, 64))
}

// thresholdMetrics are the metrics --fail-on knows, on top of the flag names.
var thresholdMetrics = []string{"total", "mean", "p50", "p90", "p99", "max", "suppressed", "deferred", "keepalive", "segments", "cost", "contact_lift"}

// ParseFailOn parses comma-separated thresholds like "p99>5,burst>0".
// Metrics: total, mean, p50, p90, p99, max, suppressed, deferred, segments,
// cost and the flag names, on the policy stream; prefix "as_is." for the
// as-is stream. Operators: > >= < <= == !=.
func ParseFailOn(s string) ([]Threshold, error) {
	var out []Threshold
	for _, term := range strings.Split(s, ",") {
		term = strings.TrimSpace(term)
		if term == "" {
			continue
		}
		var metric, op, num string
		for _, o := range []string{">=", "<=", "==", "!=", ">", "<", "="} {
			if j := strings.Index(term, o); j > 0 {
				metric, op, num = strings.TrimSpace(term[:j]), o, strings.TrimSpace(term[j+len(o):])
				break
			}
		}
		if op == "" {
			return nil, fmt.Errorf("--fail-on %q: want METRIC OP NUMBER, e.g. \"p99>5\"", term)
		}
		if op == "=" {
			op = "=="
		}
		v, err := strconv.ParseFloat(num, 64)
		if err != nil {
			return nil, fmt.Errorf("--fail-on %q: %q is not a number", term, num)
		}
		th := Threshold{Text: term, Op: op, Value: v, Metric: metric}
		switch {
		case strings.HasPrefix(metric, "as_is."):
			th.AsIs, th.Metric = true, strings.TrimPrefix(metric, "as_is.")
		case strings.HasPrefix(metric, "policy."):
			th.Metric = strings.TrimPrefix(metric, "policy.")
		}
		if !knownMetric(th.Metric) {
			return nil, fmt.Errorf("--fail-on %q: unknown metric %q (known: %s, %s; prefix as_is. for the as-is stream)",
				term, th.Metric, strings.Join(thresholdMetrics, ", "), strings.Join(flagNames[:], ", "))
		}
		if th.Metric == "contact_lift" && th.Metric != metric {
			return nil, fmt.Errorf("--fail-on %q: contact_lift takes no stream prefix (it is measured on the as-is messages)", term)
		}
		if th.AsIs && (th.Metric == "suppressed" || th.Metric == "deferred" || th.Metric == "keepalive") {
			return nil, fmt.Errorf("--fail-on %q: %s exists only for the policy stream", term, th.Metric)
		}
		out = append(out, th)
	}
	return out, nil
}

func knownMetric(m string) bool {
	for _, k := range thresholdMetrics {
		if k == m {
			return true
		}
	}
	for _, f := range flagNames {
		if f == m {
			return true
		}
	}
	return false
}

// Value returns the value of a threshold's metric in the report.
func (r *Report) Value(th Threshold) float64 {
	st := r.Policy
	if th.AsIs {
		st = r.AsIs
	}
	switch th.Metric {
	case "total":
		return float64(st.Messages)
	case "mean":
		return st.Mean
	case "p50":
		return float64(st.P50)
	case "p90":
		return float64(st.P90)
	case "p99":
		return float64(st.P99)
	case "max":
		return float64(st.Max)
	case "suppressed":
		return float64(r.Suppressed.Total)
	case "deferred":
		return float64(r.Deferred)
	case "keepalive":
		if r.Keepalive == nil {
			return 0
		}
		return float64(r.Keepalive.Sent)
	case "contact_lift":
		// The highest lift of a template (as-is messages; 0 without --contacts).
		if r.Contacts == nil {
			return 0
		}
		return r.Contacts.MaxLift()
	case "segments", "cost":
		if r.SMS == nil {
			return 0
		}
		switch {
		case th.Metric == "segments" && th.AsIs:
			return float64(r.SMS.AsIsSegments)
		case th.Metric == "segments":
			return float64(r.SMS.PolicySegments)
		case th.AsIs:
			return r.SMS.AsIsCost
		default:
			return r.SMS.PolicyCost
		}
	}
	if f, ok := r.Flag(th.Metric); ok {
		if th.AsIs {
			return float64(f.AsIs.Count)
		}
		return float64(f.Policy.Count)
	}
	return 0
}

// Check returns the thresholds the report crosses.
func (r *Report) Check(ths []Threshold) []Crossed {
	var out []Crossed
	for _, th := range ths {
		v := r.Value(th)
		var hit bool
		switch th.Op {
		case ">":
			hit = v > th.Value
		case ">=":
			hit = v >= th.Value
		case "<":
			hit = v < th.Value
		case "<=":
			hit = v <= th.Value
		case "==":
			hit = v == th.Value
		case "!=":
			hit = v != th.Value
		}
		if hit {
			out = append(out, Crossed{Threshold: th, Actual: v})
		}
	}
	return out
}
