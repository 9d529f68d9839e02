package message

import "fmt"

// Severity ranks a finding. Off disables a rule.
type Severity int

// Severities from least to most severe.
const (
	Off Severity = iota
	Info
	Warning
	Error
)

// String returns the lower-case name used in config and output.
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	default:
		return "off"
	}
}

// ParseSeverity reads error, warning, info or off.
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "info":
		return Info, nil
	case "off":
		return Off, nil
	}
	return Off, fmt.Errorf("unknown severity %q (want error, warning, info or off)", s)
}

// ParseFailOn reads a --fail-on level: error, warning, info or never.
// never returns a level above Error so no finding reaches it.
func ParseFailOn(s string) (Severity, error) {
	if s == "never" {
		return Error + 1, nil
	}
	sev, err := ParseSeverity(s)
	if err != nil || sev == Off {
		return Off, fmt.Errorf("unknown --fail-on level %q (want error, warning, info or never)", s)
	}
	return sev, nil
}
