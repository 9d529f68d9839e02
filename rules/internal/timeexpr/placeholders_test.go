package timeexpr

import (
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/message"
)

func TestIsPlaceholder(t *testing.T) {
	tmpl := &message.Template{}
	names := DefaultVarNames()
	for name, want := range map[string]bool{
		// English, by name, word of a name and word ending.
		"eta": true, "StartDate": true, "$StartDate": true, "start_time": true, "time2": true,
		"startdate": true, "newDeliveryDate": true, "restoreTime": true,
		// German and French.
		"zustelltermin": true, "liefertermin": true, "uhrzeit": true, "datum": true,
		"Lieferdatum": true, "date_prevue": true, "heure": true, "date_livraison": true,
		"creneau": true, "créneau": true,
		// Not times.
		"last_update": false, "update": false, "validate": false, "name": false,
		"sendungsnummer": false, "numero": false, "link": false, "mahlzeit": false, "order2": false,
		"lien_rdv": false, "geburtsort": false,
	} {
		ph := message.Placeholder{Name: name}
		if got := IsPlaceholder(tmpl, ph, names); got != want {
			t.Errorf("IsPlaceholder(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestPositionalName(t *testing.T) {
	for name, want := range map[string]bool{
		"": true, "0": true, "12": true, "%s": true, "%1$s": true, "%d": true, "%2$d": true,
		"name": false, "time2": false, "%(title)s": false, "s1": false,
	} {
		if got := PositionalName(name); got != want {
			t.Errorf("PositionalName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestIsPlaceholderByType(t *testing.T) {
	tmpl := &message.Template{Vars: map[string]*message.Var{"wann": {Type: "Date"}, "ort": {Type: "string"}}}
	for name, want := range map[string]bool{"wann": true, "ort": false} {
		if got := IsPlaceholder(tmpl, message.Placeholder{Name: name}, nil); got != want {
			t.Errorf("%s: got %v want %v", name, got, want)
		}
	}
	if IsPlaceholder(tmpl, message.Placeholder{Name: "eta", Control: true}, DefaultVarNames()) {
		t.Error("a control tag is no time")
	}
}

func TestPositionalTime(t *testing.T) {
	cases := []struct {
		lang, text, ph, name string
		want                 bool
	}{
		{"en", "Your visit on %s", "%s", "%s", true},
		{"en", "Your order %s", "%s", "%s", false},
		{"de", "Ihr Termin am %1$s", "%1$s", "%1$s", true},
		{"de", "Ihre Sendung %1$s", "%1$s", "%1$s", false},
		{"fr", "Valable jusqu'au {0}", "{0}", "0", true},
		{"fr", "Votre commande {0}", "{0}", "0", false},
		{"en", "Maintenance on {{resource}}", "{{resource}}", "resource", false},
	}
	for _, c := range cases {
		i := strings.LastIndex(c.text, c.ph)
		part := &message.Part{Text: message.VerbatimText(c.text, 0)}
		ph := message.Placeholder{Name: c.name, Start: i, End: i + len(c.ph)}
		if got := grammar(t, c.lang).PositionalTime(part, ph); got != c.want {
			t.Errorf("%s %q: got %v want %v", c.lang, c.text, got, c.want)
		}
	}
}
