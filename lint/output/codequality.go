package output

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strconv"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// CodeQuality prints a GitLab Code Quality report: a JSON array (no BOM),
// one object per finding, in the given order:
//
//	[
//	  {
//	    "description": "MESSAGE (hint: HINT)",
//	    "check_name": "sms-unicode",
//	    "fingerprint": "32 hex digits",
//	    "severity": "minor",
//	    "location": {"path": "templates/sms/delay.en.txt", "lines": {"begin": 6}}
//	  }
//	]
//
// Severities map info → info, warning → minor, error → major. Paths are
// relative to Root. The fingerprint is unique in the report and survives
// lines moving: the first 32 hex digits of SHA-256 over the path, the SARIF
// line hash (rule id and trimmed line text, or the message when the file
// cannot be read) and the occurrence of that hash in the file. The array is
// [] when there are no findings.
func CodeQuality(w io.Writer, fs []lint.Finding, opt Options) error {
	p := newPaths(opt.Root)
	src := newSources(opt.Contents)
	out := make([]cqIssue, 0, len(fs))
	occurrences := map[string]int{}
	for _, f := range fs {
		path, _ := p.rel(f.File)
		hash := lineHash(f, src.get(f.File))
		occurrences[path+"\x00"+hash]++
		desc := visibleText(f.Message)
		if f.Hint != "" {
			desc += " (hint: " + visibleText(f.Hint) + ")"
		}
		out = append(out, cqIssue{
			Description: desc,
			CheckName:   visible(f.Rule),
			Fingerprint: cqFingerprint(path, hash, occurrences[path+"\x00"+hash]),
			Severity:    cqSeverity(f.Severity),
			Location:    cqLocation{Path: visible(path), Lines: cqLines{Begin: max(f.Line, 1)}},
		})
	}
	return encodeJSON(w, out)
}

// cqFingerprint hashes a finding's path, line hash and occurrence.
func cqFingerprint(path, lineHash string, n int) string {
	h := sha256.New()
	for _, s := range []string{path, lineHash, strconv.Itoa(n)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// cqSeverity maps a severity to a Code Quality severity.
func cqSeverity(s message.Severity) string {
	switch s {
	case message.Error:
		return "major"
	case message.Warning:
		return "minor"
	}
	return "info"
}

type cqIssue struct {
	Description string     `json:"description"`
	CheckName   string     `json:"check_name"`
	Fingerprint string     `json:"fingerprint"`
	Severity    string     `json:"severity"`
	Location    cqLocation `json:"location"`
}

type cqLocation struct {
	Path  string  `json:"path"`
	Lines cqLines `json:"lines"`
}

type cqLines struct {
	Begin int `json:"begin"`
}
