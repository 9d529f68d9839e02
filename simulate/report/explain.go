package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/notelint/notelint/simulate"
)

// WriteExplanation renders a customer's timeline as "text" or "json".
func WriteExplanation(w io.Writer, x *simulate.Explanation, format string) error {
	switch format {
	case "", "text":
		ew := &errWriter{w: w}
		writeExplainText(ew, x)
		return ew.err
	case "json":
		b, err := json.MarshalIndent(x, "", "  ")
		if err != nil {
			return fmt.Errorf("encoding timeline: %w", err)
		}
		if _, err := w.Write(append(b, '\n')); err != nil {
			return fmt.Errorf("writing timeline: %w", err)
		}
		return nil
	}
	return fmt.Errorf("--customer prints text or json, not %q", format)
}

// explanationSummary is the headline of a timeline in one or two sentences.
func explanationSummary(x *simulate.Explanation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "As-is: %s. With the policy: %d sent", plural(x.AsIs, "message"), x.Sent)
	if x.Deferred > 0 {
		fmt.Fprintf(&b, " (%d deferred by quiet hours)", x.Deferred)
	}
	if x.Keepalive > 0 {
		fmt.Fprintf(&b, ", %s among them", plural(x.Keepalive, "keep-alive"))
	}
	if n := x.AsIs - (x.Sent - x.Keepalive); n > 0 {
		parts := make([]string, len(x.Suppressed))
		for i, rc := range x.Suppressed {
			parts[i] = fmt.Sprintf("%s %d", rc.Reason, rc.Messages)
		}
		fmt.Fprintf(&b, ", %d suppressed (%s)", n, strings.Join(parts, ", "))
	}
	b.WriteString(".")
	return b.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y"))
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func flagsOrNone(fs []string) string {
	if len(fs) == 0 {
		return "none"
	}
	return strings.Join(fs, ", ")
}

func writeExplainText(w io.Writer, x *simulate.Explanation) {
	fmt.Fprintf(w, "customer %s: %s, %s (%s); zone %s\n", x.Customer, plural(x.Events, "event"),
		plural(len(x.Entities), "entity"), strings.Join(x.Entities, ", "), strings.Join(x.Zones, ", "))
	fmt.Fprintf(w, "policy: %s\n", x.Policy)
	fmt.Fprintln(w, explanationSummary(x))
	fmt.Fprintf(w, "Flags as-is: %s. With the policy: %s.\n", flagsOrNone(x.FlagsAsIs), flagsOrNone(x.FlagsPol))
	if x.Contacts > 0 {
		fmt.Fprintf(w, "Contacts: %d (☎, attributed as in the report's Contacts section).\n", x.Contacts)
	}

	entW, stW := 0, 0
	for _, s := range x.Steps {
		entW = max(entW, len([]rune(s.Entity)))
		if s.Kind == "event" {
			stW = max(stW, len([]rune(s.Status)))
		}
	}
	var day string
	for _, s := range x.Steps {
		if d := s.Time.Format("Mon 2006-01-02 (MST)"); d != day {
			day = d
			fmt.Fprintf(w, "\n%s\n", d)
		}
		tm := s.Time.Format("15:04")
		if s.Time.Second() != 0 {
			tm = s.Time.Format("15:04:05")
		}
		indent := strings.Repeat(" ", 2+len(tm)+2+entW+2)
		switch s.Kind {
		case "event":
			line := fmt.Sprintf("  %s  %s  %s", tm, pad(s.Entity, entW), s.Status)
			if s.Final {
				line += " (final)"
			}
			if s.Template == "" {
				fmt.Fprintf(w, "%s: no message\n", line)
				continue
			}
			fmt.Fprintf(w, "%s → %s\n", line, s.Template)
			fmt.Fprintf(w, "%sas-is   ✓ sent at once\n", indent)
			if s.Policy != "" {
				mark := "✗"
				if s.Policy == "sent" || s.Policy == "deferred" {
					mark = "✓"
				}
				fmt.Fprintf(w, "%spolicy  %s %s\n", indent, mark, s.Why)
			}
		case "send":
			fmt.Fprintf(w, "  %s  %s  ✉ policy sends %s (the %q of %s)\n", tm, pad(s.Entity, entW), s.Template, s.Status, simulate.Clock(*s.Event, s.Time))
		case "keepalive":
			fmt.Fprintf(w, "  %s  %s  ✉ policy sends %s (%s)\n", tm, pad(s.Entity, entW), s.Template, s.Why)
		case "flag":
			stream := "as-is"
			if s.Stream == "policy" {
				stream = "policy"
			}
			fmt.Fprintf(w, "  %s  %s  ⚑ %s %s: %s\n", tm, pad(s.Entity, entW), stream, s.Flag, s.Note)
		case "contact":
			what := "contact"
			if s.Channel != "" {
				what = s.Channel
			}
			if s.Reason != "" {
				what += fmt.Sprintf(" %q", s.Reason)
			}
			fmt.Fprintf(w, "  %s  %s  ☎ %s: %s\n", tm, pad(s.Entity, entW), what, s.Note)
		}
	}
}

func pad(s string, n int) string {
	if d := n - len([]rune(s)); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

// stepClock renders a step's time for tables.
func stepClock(t time.Time) string {
	if t.Second() != 0 {
		return t.Format("15:04:05")
	}
	return t.Format("15:04")
}
