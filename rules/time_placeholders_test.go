package rules

import (
	"testing"

	"github.com/notelint/notelint/lint/message"
)

func TestTimePlaceholderNames(t *testing.T) {
	tmpl := &message.Template{}
	names := defaultTimeVarNames()
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
		if got := isTimePlaceholder(tmpl, ph, names); got != want {
			t.Errorf("isTimePlaceholder(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestPositionalName(t *testing.T) {
	for name, want := range map[string]bool{
		"": true, "0": true, "12": true, "%s": true, "%1$s": true, "%d": true, "%2$d": true,
		"name": false, "time2": false, "%(title)s": false, "s1": false,
	} {
		if got := positionalName(name); got != want {
			t.Errorf("positionalName(%q) = %v, want %v", name, got, want)
		}
	}
}
