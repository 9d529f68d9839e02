package landing

import (
	"strings"

	"golang.org/x/net/html"
)

// field records the kind of personal data an input asks for.
func (w *walker) field(n *html.Node) {
	k := fieldKind(n)
	if k == "" {
		return
	}
	if w.personal == nil {
		w.personal = map[string]bool{}
	}
	if !w.personal[k] {
		w.personal[k] = true
		w.pg.Personal = append(w.pg.Personal, k)
	}
}

// Personal data kinds.
const (
	kindEmail    = "e-mail address"
	kindPhone    = "phone number"
	kindPassword = "password"
	kindName     = "name"
	kindAddress  = "postal address"
	kindIBAN     = "IBAN or bank account"
	kindCard     = "card number"
	kindBirth    = "date of birth"
)

func fieldKind(n *html.Node) string {
	typ := strings.ToLower(strings.TrimSpace(attrOr(n, "type", "")))
	if n.Data == "input" {
		switch typ {
		case "email":
			return kindEmail
		case "tel":
			return kindPhone
		case "password":
			return kindPassword
		case "hidden", "submit", "button", "reset", "image", "checkbox", "radio", "file", "range", "color", "search":
			return ""
		}
	}
	for _, tok := range strings.Fields(strings.ToLower(attrOr(n, "autocomplete", ""))) {
		switch {
		case tok == "email":
			return kindEmail
		case strings.HasPrefix(tok, "tel"):
			return kindPhone
		case strings.HasSuffix(tok, "password"):
			return kindPassword
		case tok == "name" || strings.HasSuffix(tok, "-name") && !strings.HasPrefix(tok, "cc-") && tok != "username" && tok != "organization":
			return kindName
		case strings.HasPrefix(tok, "street-address"), strings.HasPrefix(tok, "address-"), tok == "postal-code":
			return kindAddress
		case strings.HasPrefix(tok, "cc-"):
			return kindCard
		case strings.HasPrefix(tok, "bday"):
			return kindBirth
		}
	}
	ident := strings.ToLower(attrOr(n, "name", "") + " " + attrOr(n, "id", ""))
	tokens := strings.FieldsFunc(ident, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80)
	})
	has := func(subs ...string) bool {
		for _, s := range subs {
			if strings.Contains(ident, s) {
				return true
			}
		}
		return false
	}
	tok := func(words ...string) bool {
		for _, t := range tokens {
			for _, w := range words {
				if t == w {
					return true
				}
			}
		}
		return false
	}
	switch {
	case has("iban", "bankaccount", "bank_account", "kontonummer", "rib"):
		if has("iban", "bank", "konto") || tok("rib") {
			return kindIBAN
		}
	}
	switch {
	case has("password", "passwort", "passwd", "motdepasse", "mot_de_passe") || tok("pwd", "pw", "mdp"):
		return kindPassword
	case has("email", "e-mail", "e_mail", "courriel") || tok("mail"):
		return kindEmail
	case has("phone", "telefon", "téléphone", "telephone", "mobile", "handy", "portable") || tok("tel"):
		return kindPhone
	case has("cardnumber", "card_number", "ccnum", "kreditkarte", "creditcard", "credit_card"):
		return kindCard
	case has("birth", "geburt", "naissance") || tok("dob"):
		return kindBirth
	case has("street", "strasse", "straße", "address", "adresse", "postcode", "postal", "zipcode", "codepostal", "code_postal") || tok("zip", "plz", "ort", "city", "ville"):
		return kindAddress
	case has("firstname", "first_name", "lastname", "last_name", "surname", "vorname", "nachname", "prenom", "prénom", "fullname", "full_name") || tok("name", "nom"):
		return kindName
	}
	return ""
}
