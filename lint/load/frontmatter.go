package load

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/notelint/notelint/lint/message"
	"github.com/pelletier/go-toml/v2"
)

// meta is the message metadata shared by front matter and catalog entries.
type meta struct {
	ID          string             `toml:"id"`
	Channel     string             `toml:"channel"`
	Locale      string             `toml:"locale"`
	Kind        string             `toml:"kind"`
	Subject     string             `toml:"subject"`
	Preheader   string             `toml:"preheader"`
	Title       string             `toml:"title"`
	Header      string             `toml:"header"`
	Footer      string             `toml:"footer"`
	Buttons     []string           `toml:"buttons"`
	Sender      string             `toml:"sender"`
	MaxSegments int                `toml:"max_segments"`
	Disable     []string           `toml:"disable"`
	Vars        map[string]varDecl `toml:"vars"`
}

type varDecl struct {
	Sample  string `toml:"sample"`
	Max     int    `toml:"max"`
	Type    string `toml:"type"`
	Charset string `toml:"charset"`
	Landing string `toml:"landing"`
}

// knownVarTypes are the values accepted for a variable's type.
var knownVarTypes = []string{"text", "name", "time", "date", "datetime", "duration", "url", "number", "money", "phone", "email", "code", "id"}

// splitFrontMatter finds TOML front matter between +++ lines at the top of
// content. It returns the TOML (without the fences) and its file offset, and
// the body offset. ok is false when there is no front matter; unclosed is
// true when an opening fence has no closing one.
func splitFrontMatter(content []byte, start int) (fm []byte, fmStart, bodyStart int, ok, unclosed bool) {
	rest := content[start:]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 || strings.TrimRight(string(rest[:nl]), "\r \t") != "+++" {
		return nil, 0, start, false, false
	}
	fmStart = start + nl + 1
	pos := fmStart
	for pos <= len(content) {
		end := bytes.IndexByte(content[pos:], '\n')
		line := content[pos:]
		next := len(content)
		if end >= 0 {
			line = content[pos : pos+end]
			next = pos + end + 1
		}
		if strings.TrimRight(string(line), "\r \t") == "+++" {
			return content[fmStart:pos], fmStart, next, true, false
		}
		if end < 0 {
			break
		}
		pos = next
	}
	return nil, 0, start, false, true
}

// decodeMeta decodes TOML metadata strictly and validates it; problems are
// appended to t.Problems with their file positions. doc starts at file
// offset base. extraKeys are additional top-level keys the caller handles.
func decodeMeta(t *message.Template, doc []byte, base int, pos map[string]tomlValue, prefix string) (meta, bool) {
	var m meta
	err := toml.NewDecoder(bytes.NewReader(doc)).DisallowUnknownFields().Decode(&m)
	if err != nil {
		var sm *toml.StrictMissingError
		var de *toml.DecodeError
		switch {
		case errors.As(err, &sm):
			for _, e := range sm.Errors {
				key := strings.Join(e.Key(), ".")
				s, en := locate(t.Source, doc, base, &e, pos, prefix+key)
				t.Problems = append(t.Problems, message.Problem{Kind: message.FrontMatterProblem, Start: s, End: en,
					Message: fmt.Sprintf("unknown key %q in front matter", key),
					Hint:    "known keys: id, channel, locale, kind, subject, preheader, title, header, footer, buttons, sender, max_segments, disable, vars"})
			}
			// Decode again leniently so the known keys still apply.
			m = meta{}
			_ = toml.NewDecoder(bytes.NewReader(doc)).Decode(&m)
		case errors.As(err, &de):
			s, en := locate(t.Source, doc, base, de, pos, "")
			t.Problems = append(t.Problems, message.Problem{Kind: message.FrontMatterProblem, Start: s, End: en,
				Message: "invalid TOML in front matter: " + tomlReason(de),
				Hint:    "front matter is TOML between +++ lines: key = \"value\""})
			return meta{}, false
		default:
			t.Problems = append(t.Problems, message.Problem{Kind: message.FrontMatterProblem, Start: base, End: base,
				Message: "invalid front matter: " + err.Error()})
			return meta{}, false
		}
	}
	validateMeta(t, &m, pos, prefix)
	return m, true
}

// tomlReason is the first line of a go-toml error without its position.
func tomlReason(de *toml.DecodeError) string {
	msg := de.Error()
	msg = strings.TrimPrefix(msg, "toml: ")
	return msg
}

// locate returns the file range of a TOML decode error, preferring the
// parser's key positions.
func locate(src *message.Source, doc []byte, base int, de *toml.DecodeError, pos map[string]tomlValue, key string) (int, int) {
	if tv, ok := pos[key]; ok && key != "" {
		return tv.keyStart, tv.keyEnd
	}
	row, col := de.Position()
	// Convert row/col within doc into a file offset.
	off := 0
	for r := 1; r < row && off < len(doc); r++ {
		nl := bytes.IndexByte(doc[off:], '\n')
		if nl < 0 {
			off = len(doc)
			break
		}
		off += nl + 1
	}
	lineStart := off
	for c := 1; c < col && off < len(doc) && doc[off] != '\n'; c++ {
		off++
	}
	_ = lineStart
	return base + off, base + off + 1
}

func validateMeta(t *message.Template, m *meta, pos map[string]tomlValue, prefix string) {
	bad := func(key, msg, hint string) {
		tv := pos[prefix+key]
		s, e := tv.start, tv.end
		if e == 0 {
			s, e = t.Start, t.Start
		}
		t.Problems = append(t.Problems, message.Problem{Kind: message.FrontMatterProblem, Start: s, End: e, Message: msg, Hint: hint})
	}
	if m.Channel != "" && !slices.Contains(message.KnownChannels(), m.Channel) {
		bad("channel", fmt.Sprintf("unknown channel %q", m.Channel), "use one of: "+strings.Join(message.KnownChannels(), ", "))
		m.Channel = ""
	}
	if m.Kind != "" && !slices.Contains(message.KnownKinds(), m.Kind) {
		bad("kind", fmt.Sprintf("unknown kind %q", m.Kind), "use one of: "+strings.Join(message.KnownKinds(), ", "))
		m.Kind = ""
	}
	if m.Locale != "" && !validLocale(m.Locale) {
		bad("locale", fmt.Sprintf("locale %q is not a BCP 47 tag", m.Locale), "write a language code such as \"en\", \"de\" or \"fr-CH\"")
		m.Locale = ""
	}
	if m.MaxSegments < 0 || m.MaxSegments > 255 {
		bad("max_segments", fmt.Sprintf("max_segments %d is out of range", m.MaxSegments), "an SMS has 1 to 255 segments")
		m.MaxSegments = 0
	}
	names := make([]string, 0, len(m.Vars))
	for n := range m.Vars {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		v := m.Vars[n]
		if v.Type != "" && !slices.Contains(knownVarTypes, v.Type) {
			bad("vars."+n+".type", fmt.Sprintf("variable %q has unknown type %q", n, v.Type), "use one of: "+strings.Join(knownVarTypes, ", "))
		}
		if v.Charset != "" && v.Charset != "gsm" && v.Charset != "unicode" {
			bad("vars."+n+".charset", fmt.Sprintf("variable %q has unknown charset %q", n, v.Charset), "use \"gsm\" or \"unicode\"")
		}
		if v.Max < 0 {
			bad("vars."+n+".max", fmt.Sprintf("variable %q has a negative max", n), "max is the longest value in characters")
		}
		if v.Max > message.MaxVarLength {
			bad("vars."+n+".max", fmt.Sprintf("variable %q has a max of %d characters, over the limit of %d; it is counted at %d", n, v.Max, message.MaxVarLength, message.MaxVarLength),
				"max is the longest value in characters; no message needs more than 10000")
			v.Max = message.MaxVarLength
			m.Vars[n] = v
		}
	}
}

func validLocale(s string) bool {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '_' })
	if len(parts) == 0 || len(parts[0]) < 2 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts {
		if len(p) > 8 {
			return false
		}
		for _, r := range p {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				return false
			}
		}
	}
	return true
}
