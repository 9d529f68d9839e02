package load

import "testing"

func TestMojibake(t *testing.T) {
	for _, c := range []struct {
		text, found, want string
		n                 int
	}{
		{"Thank you for shopping at PrestaShopâ„¢!", "â„¢", "™", 1},
		{"Vielen Dank fÃ¼r Ihre Bestellung. GrÃ¼ÃŸe", "Ã¼", "ü", 3},
		{"Votre commande a Ã©tÃ© expÃ©diÃ©e.", "Ã©", "é", 4},
		{"Itâ€™s on its way", "â€™", "\u2019", 1},
		// Real text in en, de, fr, pt: nothing.
		{"Vielen Dank für Ihre Bestellung. Grüße aus Köln.", "", "", 0},
		{"Âge minimum : 18 ans. Ça marche, à bientôt « merci ».", "", "", 0},
		{"Entrega em São Paulo às 14h.", "", "", 0},
		{"Price: 5 € — 20 % off, ©2026 Acme™", "", "", 0},
	} {
		s, e, want, n := mojibake([]byte(c.text))
		found := ""
		if n > 0 {
			found = c.text[s:e]
		}
		if found != c.found || want != c.want || n != c.n {
			t.Errorf("%q: found %q want %q n %d; expected %q %q %d", c.text, found, want, n, c.found, c.want, c.n)
		}
	}
}
