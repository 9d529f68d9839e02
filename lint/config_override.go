package lint

import "github.com/notelint/notelint/lint/message"

// SetSeverity sets the severity of the rule with id for this run, as a
// command-line flag (--enable, --disable) does on top of the config file;
// Off switches the rule off. An unknown id is ignored: callers validate
// ids against the rule catalog.
func (c *Config) SetSeverity(id string, sev message.Severity) {
	if s, ok := c.rules[id]; ok {
		s.severity = sev
	}
}
