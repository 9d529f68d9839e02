package rules

import (
	"testing"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/lang"
)

func TestInternalJargon(t *testing.T) {
	checkSafetyCases(t, "internal-jargon", []safetyCase{
		// English: true positives.
		{name: "en snake", path: "en/sms/a.txt", text: "Acme: your order changed to PENDING_FULFILLMENT.", want: []string{"PENDING_FULFILLMENT"}},
		{name: "en lower snake", path: "en/sms/a.txt", text: "Acme: event order_shipped received.", want: []string{"order_shipped"}},
		{name: "en camel event", path: "en/sms/a.txt", text: "Acme: OrderStateChanged for order 4711.", want: []string{"OrderStateChanged"}},
		{name: "en camel suffix", path: "en/push/a.txt", text: "PaymentFailed: update your card in the app.", want: []string{"PaymentFailed"}},
		{name: "en acronym camel", path: "en/push/a.txt", text: "We hit an HTTPError while loading.", want: []string{"HTTPError"}},
		{name: "en status number", path: "en/sms/a.txt", text: "Acme: ticket 12 is now Status 4.", want: []string{"Status 4"}},
		{name: "en status code", path: "en/sms/a.txt", text: "Acme: failed with status code 17, sorry.", want: []string{"status code 17"}},
		{name: "en status caps", path: "en/sms/a.txt", text: "Acme: order status: SHIPPED. Delivery Friday.", want: []string{"SHIPPED"}},
		{name: "en status is caps", path: "en/sms/a.txt", text: "Acme: your order status is PROCESSING.", want: []string{"PROCESSING"}},
		{name: "en error codes", path: "en/email/a.md", text: "Payment failed (E-1042, HTTP 500, 0x8004).\n", want: []string{"E-1042", "HTTP 500", "0x8004"}},
		{name: "en error code words", path: "en/sms/a.txt", text: "Acme: upload failed, error code 17. Try again.", want: []string{"error code 17"}},
		{name: "en ticket state", path: "en/sms/a.txt", text: "Acme: your case is Pending Customer.", want: []string{"Pending Customer"}},
		{name: "en resolved awaiting", path: "en/sms/a.txt", text: "Acme: case 4 is Resolved – awaiting confirmation.", want: []string{"Resolved – awaiting confirmation"}},
		{name: "en title-case state mid-sentence", path: "en/sms/a.txt", text: "Acme: your order is On Hold.", want: []string{"On Hold"}},
		{name: "en title-case state after colon", path: "en/sms/a.txt", text: "Acme order 4711. Status: In Progress.", want: []string{"In Progress"}},
		{name: "en configured term", path: "en/sms/a.txt", text: "Acme: we fixed the issue in sap today.", config: "[rules.internal-jargon]\nterms = [\"SAP\"]", want: []string{"sap"}},
		{name: "en subject", path: "en/email/a.md", text: "+++\nsubject = \"Order ORDER_CANCELLED\"\n+++\nHello.\n", want: []string{"ORDER_CANCELLED"}},
		// English: false positives that must stay quiet.
		{name: "en acronyms", path: "en/sms/a.txt", text: "Acme: your SMS PIN, IBAN and USB stick. DHL ETA 14:00. OK? Reply STOP.", want: nil},
		{name: "en brands", path: "en/sms/a.txt", text: "Acme: PayPal, iPhone, WhatsApp, McDonald's, YouTube, LinkedIn, eBay, FedEx, BlaBlaCar.", want: nil},
		{name: "en configured brand", path: "en/sms/a.txt", text: "Acme: ride with CarShareRideNow today.", config: "[rules.sender-id]\nbrands = [\"CarShareRideNow\"]", want: nil},
		{name: "en allow option", path: "en/sms/a.txt", text: "Acme: play on PlayStationPortalPro.", config: "[rules.internal-jargon]\nallow = [\"PlayStationPortalPro\"]", want: nil},
		{name: "en headline case", path: "en/push/a.txt", text: "+++\ntitle = \"Your Order Is On Hold\"\n+++\nWe need a new card.", want: nil},
		{name: "en lower-case on hold", path: "en/sms/a.txt", text: "Acme: your order is on hold until we get the payment.", want: nil},
		{name: "en status 24/7", path: "en/sms/a.txt", text: "Acme: check the status 24/7 in the app.", want: nil},
		{name: "en status progress", path: "en/sms/a.txt", text: "Acme: status: 3 of 5 parcels delivered.", want: nil},
		{name: "en loyalty tier", path: "en/sms/a.txt", text: "Acme: your new status: GOLD. Enjoy.", want: nil},
		{name: "en promo code", path: "en/sms/a.txt", text: "Acme: use code SPRING_25 for 20% off.", want: nil},
		{name: "en handle hashtag", path: "en/sms/a.txt", text: "Acme: write to @acme_help or use #SUMMER_SALE.", want: nil},
		{name: "en url and email", path: "en/sms/a.txt", text: "Acme: see https://acme.example/ORDER_STATE/x or mail order_help@acme.example", want: nil},
		{name: "en placeholder", path: "en/sms/a.txt", text: "Acme: your order {{ORDER_STATE}} is ready, ref [ORDER_REF] *|FIRST_NAME|*.", want: nil},
		{name: "en no phrase across a placeholder", path: "en/sms/a.txt", text: "Acme: pending {{count}} customer requests.", want: nil},
		{name: "en file name", path: "en/email/a.md", text: "Attached: invoice_april.pdf\n", want: nil},
		{name: "en room number", path: "en/sms/a.txt", text: "Acme Clinic: please come to room E-104.", want: nil},
		// German.
		{name: "de status", path: "de/sms/a.txt", text: "Acme: Ihr Auftrag hat jetzt Status 3.", want: []string{"Status 3"}},
		{name: "de statuscode", path: "de/sms/a.txt", text: "Acme: Fehler beim Laden (Statuscode 17).", want: []string{"Statuscode 17"}},
		{name: "de compound status", path: "de/sms/a.txt", text: "Acme: Auftragsstatus: 4. Wir melden uns.", want: []string{"Auftragsstatus: 4"}},
		{name: "de fehler", path: "de/sms/a.txt", text: "Acme: Zahlung fehlgeschlagen, Fehler 500.", want: []string{"Fehler 500"}},
		{name: "de ticket state", path: "de/sms/a.txt", text: "Acme: Ihr Ticket steht auf wartet auf Kunde.", want: []string{"wartet auf Kunde"}},
		{name: "de caps value", path: "de/sms/a.txt", text: "Acme: Der Status lautet VERSANDT.", want: []string{"VERSANDT"}},
		{name: "de in Bearbeitung", path: "de/sms/a.txt", text: "Acme: Ihre Anfrage ist in Bearbeitung.", want: nil},
		{name: "de brands", path: "de/sms/a.txt", text: "Acme: Ihre BahnCard, PayPal und die DHL Packstation.", want: nil},
		{name: "de status progress", path: "de/sms/a.txt", text: "Acme: Sendungsstatus 2 von 5: im Verteilzentrum.", want: nil},
		{name: "de gutschein", path: "de/sms/a.txt", text: "Acme: Gutscheincode HERBST_20 einlösen.", want: nil},
		// French.
		{name: "fr statut", path: "fr/sms/a.txt", text: "Acme : dossier passé au statut 3.", want: []string{"statut 3"}},
		{name: "fr état", path: "fr/sms/a.txt", text: "Acme : demande à l’état 4.", want: []string{"état 4"}},
		{name: "fr code erreur", path: "fr/sms/a.txt", text: "Acme : échec, code d’erreur 12.", want: []string{"code d’erreur 12"}},
		{name: "fr ticket state", path: "fr/sms/a.txt", text: "Acme : demande en attente client.", want: []string{"en attente client"}},
		{name: "fr caps value", path: "fr/sms/a.txt", text: "Acme : l'état de votre commande est EXPÉDIÉ.", want: []string{"EXPÉDIÉ"}},
		{name: "fr bon état", path: "fr/sms/a.txt", text: "Acme : colis arrivé en bon état, 3 jours plus tôt.", want: nil},
		{name: "fr code promo", path: "fr/sms/a.txt", text: "Acme : code promo ETE_24 valable 3 jours.", want: nil},
		{name: "fr état sur", path: "fr/sms/a.txt", text: "Acme : demande à l'état 2 sur 4.", want: nil},
		// Brands and example values are no jargon (issue 11).
		{name: "en CamelCase brands", path: "en/email/a.md", text: "Welcome to LibreBooking. Open the SwissCovid app on your iPhone, or pay with PayPal via WhatsApp. MacBookPro, BlaBlaCar.\n", want: nil},
		{name: "en example values", path: "en/email/a.md", text: "Choose a user name, e.g. john_doe or jane_smith, and a prefix such as my_company.\n", want: nil},
		{name: "en event name without example", path: "en/email/a.md", text: "Your user name john_doe triggered MissedCheckinEmail.\n", want: []string{"john_doe", "MissedCheckinEmail"}},
		{name: "en example ends with the sentence", path: "en/email/a.md", text: "Choose a name, e.g. Anna. Your order is PENDING_FULFILLMENT.\n", want: []string{"PENDING_FULFILLMENT"}},
		{name: "de Beispielwert", path: "de/email/a.md", text: "Wählen Sie einen Benutzernamen, z. B. max_mustermann, und öffnen Sie die SwissCovid-App.\n", want: nil},
		{name: "de Ereignisname", path: "de/email/a.md", text: "Ihre Buchung hat den Zustand RESERVATION_CREATED.\n", want: []string{"RESERVATION_CREATED"}},
		{name: "fr valeur d'exemple", path: "fr/email/a.md", text: "Choisissez un identifiant, par exemple jean_dupont, dans l'application LibreBooking.\n", want: nil},
		{name: "fr nom d'événement", path: "fr/email/a.md", text: "Votre réservation est passée à ReservationDeleted.\n", want: []string{"ReservationDeleted"}},
		// No language data: token checks still run, word lists do not.
		{name: "it tokens only", path: "it/sms/a.txt", text: "Acme: ordine PENDING_FULFILLMENT, stato 4.", want: []string{"PENDING_FULFILLMENT"}},
	})
}

func TestCamelJargon(t *testing.T) {
	for tok, want := range map[string]bool{
		"OrderStateChanged": true, "PaymentFailed": true, "orderStatus": true, "HTTPError": true,
		"ShipmentCreated": true, "CustomerAccountLocked": true, "MissedCheckinEmail": true,
		"OrderStatusUpdate": true, "orderId": true, "LibreBooking": false, "SwissCovid": false,
		"MacBookPro": false, "BlaBlaCar": false, "PlayStationPlus": false, "GlaxoSmithKline": false,
		"iPhone": false, "PayPal": false, "WhatsApp": false, "McDonald": false, "YouTube": false,
		"LinkedIn": false, "BuzzFeed": false, "eBay": false, "iCloud": false, "AirBnB": false,
		"PDFs": false, "GmbH": false, "BahnCard": false, "easyJet": false, "iPhoneX": false, "macOS": false,
	} {
		if got := camelJargon(tok); got != want {
			t.Errorf("camelJargon(%q) = %v, want %v", tok, got, want)
		}
	}
}

func TestSnakeJargon(t *testing.T) {
	for tok, want := range map[string]bool{
		"PENDING_FULFILLMENT": true, "ERR_TIMEOUT": true, "order_shipped": true, "ERR_42": false,
		"A_B": false, "AB_CD_1234": false, "ON_HOLD": true, "ERR_OOM": true, "ORD_2024_0042": false, "report_2024": false, "X_Y_Z": false,
	} {
		if got := snakeJargon(tok); got != want {
			t.Errorf("snakeJargon(%q) = %v, want %v", tok, got, want)
		}
	}
}

// FuzzJargonScan runs the jargon scanner over arbitrary text: no panics,
// and every hit is a valid range on rune boundaries.
func FuzzJargonScan(f *testing.F) {
	for _, s := range []string{"PENDING_FULFILLMENT", "OrderStateChanged (Status 4)", "E-1042 HTTP 500 0x8004",
		"Auftragsstatus: 3", "code d’erreur 12", "Status: SHIPPED", "_ __ _a_ A_", "İstanbul ǅemal ß", "état\u00a04", "On Hold"} {
		f.Add(s)
	}
	languages := []string{"en", "de", "fr", "xx"}
	f.Fuzz(func(t *testing.T, s string) {
		for _, code := range languages {
			var language = languageFor(code)
			for _, h := range scanJargon(s, lang.Fold(s), language, func(string) bool { return false }) {
				if h.r.Start < 0 || h.r.End > len(s) || h.r.Start >= h.r.End {
					t.Fatalf("bad range %v in %q", h.r, s)
				}
				if utf8.ValidString(s) && (!utf8.RuneStart(s[h.r.Start]) || (h.r.End < len(s) && !utf8.RuneStart(s[h.r.End]))) {
					t.Fatalf("range %v splits a rune in %q", h.r, s)
				}
			}
		}
	})
}
