package report

import (
	"fmt"
	"io"

	"github.com/notelint/notelint/simulate"
)

// Sentences about silences and source flapping, shared by the printers.
// Every figure goes through the printer's figure functions with the JSON
// field it shows, so the HTML page can mark it up and a test can check it.

// figures formats the figures of a sentence: a count, a duration setting.
type figures struct {
	num func(path string, n int64) string
	dur func(path, setting string) string
}

// plainFigures prints figures as plain text (text and Markdown).
var plainFigures = figures{
	num: func(_ string, n int64) string { return fmt.Sprint(n) },
	dur: func(_, s string) string { return simulate.HumanSetting(s) },
}

// silenceSentences explains the silent_gap counts of both streams: which
// entities are silent in one stream only and why. Nil when silent_gap is
// off or nothing is silent.
func silenceSentences(r *simulate.Report, f figures) []string {
	sc := r.SilenceChange
	i, sg := flagIndex(r, "silent_gap")
	if sc == nil || i < 0 || sg.AsIs.Count == 0 && sg.Policy.Count == 0 {
		return nil
	}
	after := f.dur("settings.flags.silent_gap_after", r.Settings.Flags.SilentGapAfter)
	pa, pp := fmt.Sprintf("flags[%d].as_is.count", i), fmt.Sprintf("flags[%d].policy.count", i)
	var out []string
	if sc.AsIsOnly == 0 && sc.PolicyOnly == 0 {
		out = append(out, fmt.Sprintf("Silences of more than %s: the same %s in both setups.",
			after, count(f, pa, sg.AsIs.Count, "entity", "entities")))
	} else {
		out = append(out, fmt.Sprintf("Silences of more than %s: %s with today's setup, %s with the policy.",
			after, count(f, pa, sg.AsIs.Count, "entity", "entities"), f.num(pp, sg.Policy.Count)))
	}
	if sc.AsIsOnly > 0 {
		later := ""
		switch {
		case sc.AsIsOnlyDeferred > 0 && r.Settings.Collapse != "":
			later = fmt.Sprintf(" (%s deferred out of quiet hours; the collapse wait of %s delays every message)",
				count(f, "silence_change.as_is_only_deferred", sc.AsIsOnlyDeferred, "had a message", "had messages"), f.dur("settings.collapse", r.Settings.Collapse))
		case sc.AsIsOnlyDeferred > 0:
			later = fmt.Sprintf(" (%s deferred out of quiet hours)",
				count(f, "silence_change.as_is_only_deferred", sc.AsIsOnlyDeferred, "had a message", "had messages"))
		case r.Settings.Collapse != "":
			later = fmt.Sprintf(" (after the collapse wait of %s)", f.dur("settings.collapse", r.Settings.Collapse))
		}
		n := count(f, "silence_change.as_is_only", sc.AsIsOnly, "entity", "entities")
		if r.Keepalive != nil {
			// A keep-alive is a message today's setup does not send.
			out = append(out, fmt.Sprintf("Silent today but not with the policy: %s. For them a keep-alive, or a message the policy sent later%s, fell inside the long silence and split it into gaps of at most %s.",
				n, later, after))
		} else {
			out = append(out, fmt.Sprintf("Silent today but not with the policy: %s. For them the policy sent some of their messages later%s, and a message sent later fell inside the long silence and split it into gaps of at most %s. Their customers got no extra message; they got one later.",
				n, later, after))
		}
	}
	if sc.PolicyOnly > 0 {
		out = append(out, fmt.Sprintf("Silent only with the policy: %s. The messages it held back or sent later left a gap of more than %s.",
			count(f, "silence_change.policy_only", sc.PolicyOnly, "entity", "entities"), after))
	}
	if sg.Policy.Count > 0 {
		if k := r.Keepalive; k != nil {
			out = append(out, fmt.Sprintf("Silent with the policy after its %s: entities that no keep-alive rule covers, or whose keep-alive came too late or was dropped.",
				count(f, "keepalive.sent", k.Sent, "keep-alive", "keep-alives")))
		}
		out = append(out, "Holding messages back fills no silence; a message that today's setup does not send, such as a keep-alive (“still on its way”), can.")
	}
	return out
}

// sourceFlappingSentence describes source flapping; "" when it is off.
func sourceFlappingSentence(r *simulate.Report, f figures) string {
	sf := r.SourceFlapping
	if sf == nil {
		return ""
	}
	win := f.dur("settings.flags.flapping_window", r.Settings.Flags.FlappingWindow)
	if sf.Entities == 0 {
		return fmt.Sprintf("No status flaps in the input (back to a status left within %s).", win)
	}
	return fmt.Sprintf("Statuses that flap in the input (back to a status left within %s, whatever the messages): %s of %s. This is how the source system records them; no policy changes it.",
		win, count(f, "source_flapping.entities", sf.Entities, "entity", "entities"), count(f, "source_flapping.customers", sf.Customers, "customer", "customers"))
}

// count is a figure with its noun: "1 entity", "2 entities".
func count(f figures, path string, n int64, one, many string) string {
	if n == 1 {
		return f.num(path, n) + " " + one
	}
	return f.num(path, n) + " " + many
}

// flagIndex returns the position and stats of the named flag, -1 when absent.
func flagIndex(r *simulate.Report, name string) (int, simulate.FlagStats) {
	for i, f := range r.Flags {
		if f.Name == name {
			return i, f
		}
	}
	return -1, simulate.FlagStats{}
}

// writeDiagnosticsText prints the silence and source-flapping sentences
// under the flags table, one a line.
func writeDiagnosticsText(w io.Writer, r *simulate.Report) {
	lines := silenceSentences(r, plainFigures)
	if s := sourceFlappingSentence(r, plainFigures); s != "" {
		lines = append(lines, s)
	}
	if len(lines) == 0 {
		return
	}
	fmt.Fprintln(w)
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}
