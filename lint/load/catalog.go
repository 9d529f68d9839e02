package load

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/notelint/notelint/lint/message"
	"github.com/pelletier/go-toml/v2"
)

// catalogFile is a TOML catalog: defaults and [[message]] tables.
type catalogFile struct {
	Channel string         `toml:"channel"`
	Locale  string         `toml:"locale"`
	Kind    string         `toml:"kind"`
	Sender  string         `toml:"sender"`
	Message []catalogEntry `toml:"message"`
}

type catalogEntry struct {
	meta
	Body *string `toml:"body"`
}

// loadCatalog reads a .toml catalog: each [[message]] table is a template
// whose body and subject keep their positions in the file. A .toml file
// without [[message]] tables is not a catalog and yields no templates.
func loadCatalog(src *message.Source, cfg *Config) ([]*message.Template, error) {
	data := src.Content
	start := 0
	if bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		start = 3
	}
	doc := data[start:]
	var cf catalogFile
	decErr := toml.NewDecoder(bytes.NewReader(doc)).DisallowUnknownFields().Decode(&cf)
	var unknown []toml.DecodeError
	if decErr != nil {
		var sm *toml.StrictMissingError
		var de *toml.DecodeError
		switch {
		case errors.As(decErr, &sm):
			unknown = sm.Errors
			cf = catalogFile{}
			_ = toml.NewDecoder(bytes.NewReader(doc)).Decode(&cf)
		case errors.As(decErr, &de):
			if !bytes.Contains(doc, []byte("[[message]]")) {
				return nil, nil // not a catalog
			}
			t := &message.Template{Source: src, ID: src.Path, End: len(data)}
			s, e := locate(src, doc, start, de, nil, "")
			t.Problems = append(t.Problems, message.Problem{Kind: message.FrontMatterProblem, Start: s, End: e, Message: "invalid TOML in catalog: " + tomlReason(de)})
			return []*message.Template{t}, nil
		default:
			return nil, &InputError{Path: src.Path, Err: decErr}
		}
	}
	if len(cf.Message) == 0 {
		return nil, nil
	}
	pos := tomlPositions(doc, start)
	var out []*message.Template
	for i, e := range cf.Message {
		prefix := "message." + strconv.Itoa(i) + "."
		hdr := pos[strings.TrimSuffix(prefix, ".")]
		t := &message.Template{Source: src, Start: hdr.start, End: len(data)}
		if i+1 < len(cf.Message) {
			t.End = pos["message."+strconv.Itoa(i+1)].start
		}
		applyDefaults(t, cfg, message.Plain)
		for _, v := range []struct{ field, val string }{{"channel", cf.Channel}, {"locale", cf.Locale}, {"kind", cf.Kind}} {
			if v.val == "" {
				continue
			}
			switch v.field {
			case "channel":
				t.SetChannel(v.val, message.FromFrontMatter, message.High, "catalog channel")
			case "locale":
				t.SetLocale(message.NormalizeLocale(v.val), message.FromFrontMatter, message.High, "catalog locale")
			case "kind":
				t.SetKind(v.val, message.FromFrontMatter, message.High, "catalog kind")
			}
		}
		t.ID = t.ID + "#" + strconv.Itoa(i+1)
		m := e.meta
		validateMeta(t, &m, pos, prefix)
		applyMeta(t, m, pos, prefix)
		if m.Sender == "" {
			t.Sender = cf.Sender
		}
		for _, u := range unknown {
			row, _ := u.Position()
			off := src.LineStart(row + src.Position(start).Line - 1)
			if off >= t.Start && off < t.End {
				key := strings.Join(u.Key(), ".")
				if k := u.Key(); len(k) > 1 && k[0] == "message" {
					key = strings.Join(k[1:], ".")
				}
				t.Problems = append(t.Problems, message.Problem{Kind: message.FrontMatterProblem, Start: off, End: off,
					Message: fmt.Sprintf("unknown key %q in catalog entry", key),
					Hint:    "known keys: id, channel, locale, kind, subject, preheader, title, sender, max_segments, disable, vars, body"})
			}
		}
		if e.Body == nil {
			t.Problems = append(t.Problems, message.Problem{Kind: message.FrontMatterProblem, Start: hdr.start, End: hdr.end,
				Message: "catalog entry has no body", Hint: "add body = \"...\" with the message text"})
			out = append(out, t)
			continue
		}
		var b message.TextBuilder
		if tv, ok := pos[prefix+"body"]; ok && tv.raw != nil {
			appendTOMLString(&b, string(tv.raw), tv.start)
		} else {
			b.Mapped(*e.Body, hdr.start, hdr.end)
		}
		t.Parts = append(t.Parts, &message.Part{Name: message.PartBody, Format: message.Plain, Text: b.Text()})
		finishTemplate(t, cfg)
		out = append(out, t)
	}
	return out, nil
}
