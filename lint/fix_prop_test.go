package lint

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/lint/sms"
)

// gsmFixRule offers a fix for every character that has a GSM-7
// replacement, in every part and wherever it is (placeholders and links
// included), like sms-unicode but for every channel: the engine, not the
// rule, must keep the edits safe.
func gsmFixRule() *Rule {
	return &Rule{ID: "test-fix", Severity: message.Warning, Fixable: true, Check: func(p *Pass) {
		for _, part := range p.Template.Parts {
			text := part.Text.String()
			for i := 0; i < len(text); {
				r, n := utf8.DecodeRuneInString(text[i:])
				rep, ok := sms.Replacement(r)
				if ok && part.Text.Verbatim(i, i+n) {
					fs, fe := part.Text.FileRange(i, i+n)
					p.Report(Diagnostic{Part: part, Start: i, End: i + n, Message: "not GSM-7",
						Fix: &Fix{Description: "replace", Edits: []Edit{{Start: fs, End: fe, New: rep}}}})
				}
				i += n
			}
		}
	}}
}

// fixInMemory loads data as the file at path, checks it with gsmFixRule
// and applies the fixes in memory. ok is false when data does not load.
func fixInMemory(path string, data []byte) (out []byte, applied int, rep *FixReport, ok bool) {
	rule := gsmFixRule()
	cfg := DefaultConfig([]*Rule{rule})
	ts, err := load.Load(path, data, &cfg.Config)
	if err != nil {
		return nil, 0, nil, false
	}
	rep = &FixReport{Applied: map[string]int{}}
	if len(ts) == 0 {
		return data, 0, rep, true
	}
	r := &Runner{Rules: []*Rule{rule}, Config: cfg, Jobs: 1}
	findings, _ := r.CheckTemplates(ts)
	fx := &fileFixer{src: ts[0].Source, cfg: cfg}
	for _, f := range findings {
		switch {
		case f.FixSkipped != "":
			rep.Skipped = append(rep.Skipped, SkippedFix{Finding: f, Reason: f.FixSkipped})
		case f.Fix != nil:
			fx.fixes = append(fx.fixes, pendingFix{finding: f})
		}
	}
	if len(fx.fixes) == 0 {
		return data, 0, rep, true
	}
	out, n := fx.run(rep)
	if n == 0 {
		return data, 0, rep, true
	}
	return out, n, rep, true
}

// fixFormat writes a message text into a file of one template format.
type fixFormat struct {
	name, path string
	file       func(text string) string
}

var (
	jsonEsc = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`)
	poEsc   = jsonEsc
	tomlEsc = jsonEsc
	yamlDq  = jsonEsc
	yamlSq  = strings.NewReplacer(`'`, `''`, "\n", "\n\n")
	propEsc = strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\t", `\t`)
	attrEsc = strings.NewReplacer(`&`, `&amp;`, `"`, `&quot;`, `<`, `&lt;`)
)

func indent(s, pad string) string { return strings.ReplaceAll(s, "\n", "\n"+pad) }

func oneLine(s string) string { return strings.NewReplacer("\n", " ", "'", "x").Replace(s) }

var fixFormats = []fixFormat{
	{"txt with front matter", "sms/x.txt", func(s string) string {
		return "+++\nsubject = \"" + tomlEsc.Replace(s) + "\"\n+++\n" + s + "\n"
	}},
	{"md with front matter", "email/x.md", func(s string) string {
		return "+++\nsubject = '" + oneLine(s) + "'\n+++\n" + s + "\n"
	}},
	{"html", "email/x.html", func(s string) string {
		return "<title>" + s + "</title><p>" + s + "</p><img alt=\"" + attrEsc.Replace(s) + "\" src=x>\n"
	}},
	{"html crlf", "email/y.html", func(s string) string {
		return strings.ReplaceAll("<p>"+s+"</p>\n<p>"+s+"</p>\n", "\n", "\r\n")
	}},
	{"toml catalog", "sms/catalog.toml", func(s string) string {
		lit := strings.ReplaceAll(s, "'''", "x")
		return "[[message]]\nid = \"a\"\nbody = \"" + tomlEsc.Replace(s) + "\"\n\n[[message]]\nid = \"b\"\nbody = '" + oneLine(s) +
			"'\n\n[[message]]\nid = \"c\"\nbody = '''\n" + lit + "'''\n\n[[message]]\nid = \"d\"\nbody = \"\"\"" + tomlEsc.Replace(s) + "\"\"\"\n"
	}},
	{"json", "locales/en.json", func(s string) string {
		return `{"sms": {"a": "` + jsonEsc.Replace(s) + `", "b": ["` + jsonEsc.Replace(s) + `"]}}` + "\n"
	}},
	{"yaml quoted", "locales/en.yml", func(s string) string {
		return "en:\n  a: \"" + yamlDq.Replace(s) + "\"\n  b: '" + yamlSq.Replace(s) + "'\n  c: |\n    " + indent(s, "    ") + "\n"
	}},
	{"yaml plain", "locales/de.yml", func(s string) string {
		return "de:\n  a: x " + oneLine(s) + "\n  b: >\n    " + indent(s, "    ") + "\n"
	}},
	{"po", "locales/fr.po", func(s string) string {
		return "msgid \"\"\nmsgstr \"Language: fr\\n\"\n\nmsgid \"a\"\nmsgstr \"" + poEsc.Replace(s) + "\"\n\nmsgid \"b\"\nmsgstr \"\"\n\"" +
			poEsc.Replace(s) + "\"\n"
	}},
	{"properties", "locales/en.properties", func(s string) string {
		return "a=" + propEsc.Replace(s) + "\nb = x" + propEsc.Replace(s) + "\n"
	}},
}

// fixPieces are what random message texts are made of: characters --fix
// replaces, characters the host syntaxes escape, placeholders and links.
var fixPieces = []string{
	"Acme", " ", "’", "‘", "“", "”", "„", "–", "…", "'", `"`, `\`, "\n", "\t", "\u00a0", "\u2028", "\u200b",
	"{{ name’s }}", "{{ name }}", "%{eta}", "{n}", "https://x.com/a–b", "<https://x.com/c’d>", "[“link”](https://x.com/“)",
	"#", ": ", "-", "*", "<b>", "&amp;", "&rsquo;", "é", "ê", "e\u0301", "ｏ", "｛", "＜", "''", "'''", `"""`, "＃", "｀",
}

func randomFixText(r *rand.Rand) string {
	var b strings.Builder
	for n := 1 + r.IntN(8); n > 0; n-- {
		b.WriteString(fixPieces[r.IntN(len(fixPieces))])
	}
	return b.String()
}

// checkFixRoundTrip fixes data in memory and fails when the result does
// not load with the same messages, or when fixing it again changes it.
func checkFixRoundTrip(t *testing.T, path string, data []byte) {
	t.Helper()
	cfg := DefaultConfig(nil)
	before, err := load.Load(path, data, &cfg.Config)
	if err != nil {
		return
	}
	out, _, _, ok := fixInMemory(path, data)
	if !ok {
		t.Fatalf("%s does not load", path)
	}
	after, err := load.Load(path, out, &cfg.Config)
	if err != nil {
		t.Fatalf("fixed %s does not load: %v\nbefore: %q\nafter:  %q", path, err, data, out)
	}
	if len(after) != len(before) {
		t.Fatalf("fixed %s holds %d messages, want %d\nbefore: %q\nafter:  %q", path, len(after), len(before), data, out)
	}
	for i := range before {
		if before[i].ID != after[i].ID || before[i].Key != after[i].Key {
			t.Fatalf("fixed %s: message %d is %q/%q, want %q/%q\nbefore: %q\nafter:  %q", path, i,
				after[i].ID, after[i].Key, before[i].ID, before[i].Key, data, out)
		}
		if len(before[i].Parts) != len(after[i].Parts) {
			t.Fatalf("fixed %s: parts of %q changed\nbefore: %q\nafter:  %q", path, before[i].ID, data, out)
		}
		for j, p := range before[i].Parts {
			if !samePlaceholders(p.Placeholders, after[i].Parts[j].Placeholders) {
				t.Fatalf("fixed %s: placeholders of %q changed\nbefore: %q\nafter:  %q", path, before[i].ID, data, out)
			}
		}
	}
	again, n, _, _ := fixInMemory(path, out)
	if n != 0 || string(again) != string(out) {
		t.Fatalf("fixing %s twice changes it again (%d edits)\nfirst:  %q\nsecond: %q", path, n, out, again)
	}
}

// TestFixRoundTripProperty: for every template format, after --fix the
// file loads with the same messages and fixing again changes nothing.
func TestFixRoundTripProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 34))
	for _, f := range fixFormats {
		t.Run(f.name, func(t *testing.T) {
			loaded, fixed := 0, 0
			for i := 0; i < 300; i++ {
				data := []byte(f.file(randomFixText(r)))
				if _, err := load.Load(f.path, data, load.DefaultConfig()); err != nil {
					continue
				}
				loaded++
				checkFixRoundTrip(t, f.path, data)
				if out, _, _, _ := fixInMemory(f.path, data); string(out) != string(data) {
					fixed++
				}
			}
			// The generators must mostly write valid files that need fixing,
			// or the property says nothing.
			if loaded < 150 || fixed < 100 {
				t.Errorf("only %d of 300 files loaded and %d were fixed", loaded, fixed)
			}
		})
	}
}

func FuzzFixRoundTrip(f *testing.F) {
	for i := range fixFormats {
		f.Add(uint8(i), "Acme: your parcel “AB12” arrives – at {{ name’s }} <https://x.com/a–b>…")
		f.Add(uint8(i), "it’s ‘x’ \\ \" '' ''' \n\t\u00a0 #: - * <b>&amp;</b>")
	}
	f.Fuzz(func(t *testing.T, format uint8, text string) {
		ff := fixFormats[int(format)%len(fixFormats)]
		checkFixRoundTrip(t, ff.path, []byte(ff.file(text)))
	})
}

func ExampleApplyFixes_escapes() {
	data := []byte(`{"sms": {"delay": "Acme: your parcel “AB12” arrives at 14:00."}}`)
	out, n, _, _ := fixInMemory("locales/en.json", data)
	fmt.Println(n, string(out))
	// Output: 2 {"sms": {"delay": "Acme: your parcel \"AB12\" arrives at 14:00."}}
}
