package rules

import (
	"strings"
	"testing"

	"github.com/notelint/notelint/rules/internal/prose"
)

func TestSensitiveData(t *testing.T) {
	checkSafetyCases(t, "sensitive-data", []safetyCase{
		// Cards.
		{name: "visa spaced", path: "en/sms/a.txt", text: "Acme: card 4111 1111 1111 1111 sent.", want: []string{"4111 1111 1111 1111"}},
		{name: "mastercard dashed", path: "en/push/a.txt", text: "Acme: card 5555-5555-5555-4444 sent.", want: []string{"5555-5555-5555-4444"}},
		{name: "amex grouping", path: "en/sms/a.txt", text: "Acme: card 3782 822463 10005 sent.", want: []string{"3782 822463 10005"}},
		{name: "unspaced", path: "en/whatsapp/a.txt", text: "Acme: card 6011111111111117 sent.", want: []string{"6011111111111117"}},
		{name: "card then year", path: "en/sms/a.txt", text: "Acme: card 4111 1111 1111 1111 2026 sent.", want: []string{"4111 1111 1111 1111"}},
		{name: "not luhn", path: "en/sms/a.txt", text: "Acme: card 4111 1111 1111 1112 sent.", want: nil},
		{name: "masked", path: "en/sms/a.txt", text: "Acme: card •••• •••• •••• 1111 and **** 1234 sent.", want: nil},
		{name: "phone", path: "en/sms/a.txt", text: "Acme: call +4915112345678901 or 0049 151 1234 5678.", want: nil},
		{name: "order number after order word", path: "en/sms/a.txt", text: "Acme: order 4000123412341234 shipped.", want: nil},
		{name: "tracking number de", path: "de/sms/a.txt", text: "Acme: Sendungsnummer 4012888888881881 aktiv.", want: nil},
		{name: "20-digit tracking", path: "en/sms/a.txt", text: "Acme: parcel 00340434161094042557 arrives.", want: nil},
		{name: "no card prefix", path: "en/sms/a.txt", text: "Acme: id 1234567812345670 ok.", want: nil},
		{name: "email is not checked", path: "en/email/a.md", text: "Card 4111 1111 1111 1111.\n", want: nil},
		{name: "channels option", path: "en/email/a.md", text: "Card 4111 1111 1111 1111.\n", config: "[rules.sensitive-data]\nchannels = [\"email\"]", want: []string{"4111 1111 1111 1111"}},
		// IBAN.
		{name: "iban spaced", path: "de/sms/a.txt", text: "Acme: Abbuchung von DE89 3704 0044 0532 0130 00 am 1.6.", want: []string{"DE89 3704 0044 0532 0130 00"}},
		{name: "iban compact", path: "en/sms/a.txt", text: "Acme: paid to GB29NWBK60161331926819.", want: []string{"GB29NWBK60161331926819"}},
		{name: "iban fr", path: "fr/sms/a.txt", text: "Acme : prélèvement sur FR14 2004 1010 0505 0001 3M02 606.", want: []string{"FR14 2004 1010 0505 0001 3M02 606"}},
		{name: "iban bad checksum", path: "de/sms/a.txt", text: "Acme: DE89 3704 0044 0532 0130 01.", want: nil},
		{name: "iban wrong length", path: "de/sms/a.txt", text: "Acme: DE89 3704 0044 0532 0130.", want: nil},
		{name: "creditor id", path: "de/sms/a.txt", text: "Acme: Gläubiger-ID DE98ZZZ09999999999.", want: nil},
		{name: "iban masked", path: "de/sms/a.txt", text: "Acme: Konto DE89 **** **** **** **30 00.", want: nil},
		// Account numbers.
		{name: "account number", path: "en/sms/a.txt", text: "Acme: sent to account number 12345678.", want: []string{"12345678"}},
		{name: "account number short", path: "en/sms/a.txt", text: "Acme: account no. 1234 is closed.", want: nil},
		{name: "kontonummer", path: "de/sms/a.txt", text: "Acme: Kontonummer: 1234 5678 90.", want: []string{"1234 5678 90"}},
		{name: "numéro de compte", path: "fr/sms/a.txt", text: "Acme : numéro de compte 12345678901.", want: []string{"12345678901"}},
		// Passwords.
		{name: "password value", path: "en/sms/a.txt", text: "Acme: your password: Xy7!pq2z. Change it.", want: []string{"Xy7!pq2z"}},
		{name: "password is value", path: "en/push/a.txt", text: "Acme: your new password is Summer2024", want: []string{"Summer2024"}},
		{name: "password placeholder after lead-in", path: "en/sms/a.txt", text: "Acme: password: {{ pw }}", want: []string{"{{ pw }}"}},
		{name: "password placeholder by name", path: "en/sms/a.txt", text: "Acme: use {{temp_password}} to log in.", want: []string{"{{temp_password}}"}},
		{name: "password word only", path: "en/sms/a.txt", text: "Acme: your password is about to expire. Reset your password in the app.", want: nil},
		{name: "password reset link placeholder", path: "en/sms/a.txt", text: "Acme: reset here {{password_reset_link}}", want: nil},
		{name: "one-time password", path: "en/sms/a.txt", text: "Acme: your one-time password is 739201.", want: nil},
		{name: "otp kind", path: "en/sms/otp-login.txt", text: "+++\nkind = \"otp\"\n+++\nAcme: your password is 739201.", want: nil},
		{name: "wifi password", path: "en/sms/a.txt", text: "Acme Hotel: your Wi-Fi password is Guest-2024!", want: nil},
		{name: "passwort lautet", path: "de/sms/a.txt", text: "Acme: Ihr Passwort lautet: Xy7!pq2z.", want: []string{"Xy7!pq2z"}},
		{name: "passwort abgelaufen", path: "de/sms/a.txt", text: "Acme: Ihr Passwort ist abgelaufen.", want: nil},
		{name: "einmal-passwort", path: "de/sms/a.txt", text: "Acme: Ihr Einmal-Passwort lautet 739201.", want: nil},
		{name: "mot de passe", path: "fr/sms/a.txt", text: "Acme : mot de passe provisoire : Xy7!pq2z.", want: []string{"Xy7!pq2z"}},
		{name: "mot de passe expiré", path: "fr/sms/a.txt", text: "Acme : votre mot de passe est expiré.", want: nil},
		// Requests.
		{name: "reply with pin", path: "en/sms/a.txt", text: "Acme Bank: card blocked. Reply with your PIN.", want: []string{"PIN"}},
		{name: "never share", path: "en/sms/a.txt", text: "Acme Bank: never share your password. Please share your feedback.", want: nil},
		{name: "enter pin", path: "en/sms/a.txt", text: "Acme Bank: please enter your PIN at the terminal.", want: nil},
		{name: "teilen sie uns", path: "de/sms/a.txt", text: "Acme: Teilen Sie uns Ihre PIN mit.", want: []string{"PIN"}},
		{name: "geben sie niemals", path: "de/sms/a.txt", text: "Acme: Geben Sie Ihr Passwort niemals weiter.", want: nil},
		{name: "pin am automaten", path: "de/sms/a.txt", text: "Acme: Bitte geben Sie Ihre PIN am Automaten ein.", want: nil},
		{name: "envoyez-nous", path: "fr/sms/a.txt", text: "Acme : envoyez-nous votre code PIN.", want: []string{"code PIN"}},
		{name: "ne communiquez jamais", path: "fr/sms/a.txt", text: "Acme : ne communiquez jamais votre mot de passe.", want: nil},
		// Health.
		{name: "hiv", path: "en/sms/a.txt", text: "Acme: your HIV test result is ready.", want: []string{"HIV test"}},
		{name: "test results with doctor", path: "en/sms/a.txt", text: "Dr Smith: your test results are ready.", want: []string{"test results"}},
		{name: "test results without medicine", path: "en/sms/a.txt", text: "Acme Garage: your MOT test results are ready.", want: nil},
		{name: "device diagnosis", path: "en/sms/a.txt", text: "Acme Repair: the diagnosis of your phone is done.", want: nil},
		{name: "cancer charity", path: "en/sms/a.txt", text: "Thanks for your gift to Cancer Research UK.", want: nil},
		{name: "befund praxis", path: "de/sms/a.txt", text: "Praxis Dr. Weber: Ihr Befund ist da.", want: []string{"Befund"}},
		{name: "diagnose werkstatt", path: "de/sms/a.txt", text: "Acme Autoservice: Die Diagnose Ihres Fahrzeugs ist fertig.", want: nil},
		{name: "laborbefund", path: "de/push/a.txt", text: "Ihr Laborbefund liegt vor.", want: []string{"Laborbefund"}},
		{name: "résultats d'analyses", path: "fr/sms/a.txt", text: "Labo : vos résultats d’analyses sont prêts.", want: []string{"résultats d’analyses"}},
		{name: "diagnostic chaudière", path: "fr/sms/a.txt", text: "Acme : diagnostic de votre chaudière jeudi.", want: nil},
		{name: "enceinte bluetooth", path: "fr/sms/a.txt", text: "Acme : votre enceinte Bluetooth est prête.", want: nil},
		{name: "diagnosis placeholder", path: "en/push/a.txt", text: "Your result: {{diagnosis}}", want: []string{"{{diagnosis}}"}},
		// Placeholders.
		{name: "card placeholders", path: "en/sms/a.txt", text: "Acme: card {{cardNumber}} cvv {{cvv}} iban {{ iban }} acct {{account_number}}", want: []string{"{{cardNumber}}", "{{cvv}}", "{{ iban }}", "{{account_number}}"}},
		{name: "masked placeholders", path: "en/sms/a.txt", text: "Acme: card {{card_last4}} iban {{masked_iban}} {{card_type}} {{pan_masked}}", want: nil},
		// Unknown language: numbers and placeholders still checked.
		{name: "italian card", path: "it/sms/a.txt", text: "Acme: carta 4111 1111 1111 1111, password: Xy7!pq2z", want: []string{"4111 1111 1111 1111"}},
	})
}

func TestValidIBAN(t *testing.T) {
	for s, want := range map[string]bool{
		"DE89 3704 0044 0532 0130 00": true, "GB29 NWBK 6016 1331 9268 19": true, "CH93 0076 2011 6238 5295 7": true,
		"AT61 1904 3002 3457 3201": true, "FR14 2004 1010 0505 0001 3M02 606": true,
		"DE89 3704 0044 0532 0130 01": false, "XX89 3704 0044 0532 0130 00": false, "DE89": false,
	} {
		if got := validIBAN(s); got != want {
			t.Errorf("validIBAN(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzSensitiveScan runs the IBAN, card and placeholder-name scanners over
// arbitrary text: no panics, valid ranges, and every card found passes Luhn.
func FuzzSensitiveScan(f *testing.F) {
	for _, s := range []string{"4111 1111 1111 1111", "DE89 3704 0044 0532 0130 00", "5555-5555-5555-4444-", "1 2 3 4 5 6 7 8 9 0 1 2 3 4",
		"GB29NWBK60161331926819", "password: Xy7", "+49 4111111111111111", "٤١١١", "AA00 AAAA AAAA AAAA AAAA AAAA AAAA AAAA AA"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range findIBANs(s) {
			if r.Start < 0 || r.End > len(s) || r.Start >= r.End || !validIBAN(s[r.Start:r.End]) {
				t.Fatalf("bad IBAN range %v in %q", r, s)
			}
		}
		for _, r := range findCardNumbers(s) {
			if r.Start < 0 || r.End > len(s) || r.Start >= r.End {
				t.Fatalf("bad card range %v in %q", r, s)
			}
			d := strings.NewReplacer(" ", "", "-", "").Replace(s[r.Start:r.End])
			if !luhn([]byte(d)) || len(d) < 13 || len(d) > 19 {
				t.Fatalf("card %q in %q fails Luhn or length", d, s)
			}
		}
		_, _ = sensitivePlaceholder(s)
		_ = prose.NameWords(s)
		_ = secretLooking(s)
	})
}
