package message

import "testing"

func TestIsTranslationCall(t *testing.T) {
	for _, c := range []struct {
		code string
		want bool
	}{
		{`t :body, "%{user_name} added you", user_name: u.name`, true},
		{`t("View this in Zammad")`, true},
		{`I18n.t("mailer.delay.body")`, true},
		{` _("Votre colis a du retard") `, true},
		{`__('messages.reminder')`, true},
		{`gettext("Ihre Lieferung")`, true},
		{`trans "Your order has shipped" order=$order`, true},
		{`'email.delay.intro'|trans`, true},
		{`'notification.title' | translate`, true},
		{`"x"|trans({'%a%': b})`, true},
		{`t`, false},
		{`user.name`, false},
		{`ticket.title`, false},
		{`datetime_string(asset.start_at)`, false},
		{`total|number_format(2)`, false},
		{`transfer_id`, false},
		{`l(order.date)`, false},
		// Calls with a message key, whatever the function: the copy is in
		// a Fluent or .properties file.
		{`l10n('cancel-mail-html-heading', {'day': day})`, true},
		{`msg("passwordResetBody")`, true},
		{`getMessage("email.reset.subject", user)`, true},
		{`format_date(order.date, 'short')`, false},
		{`upper("ok")`, false},
		{`money(total, "EUR")`, false},
		// A partial given a sentence.
		{`> InfoBlock info="You will be notified when the status changes."`, true},
		{`> EmailTitle title=title`, false},
		{`> Button url=link label="View"`, false},
	} {
		if got := IsTranslationCall(c.code); got != c.want {
			t.Errorf("IsTranslationCall(%q) = %v, want %v", c.code, got, c.want)
		}
	}
}

func TestCopyHidden(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{`<%= t :body, "Your parcel is late." %>`, true},
		{`Your parcel <%= parcel.number %> is late.`, false},
		{`<p>{{ 'email.delay'|trans }}</p>`, true},
		{`<p>#{t('View this in Zammad')}</p>`, true},
		{`Hallo #{user.firstname}, Ihr Ticket #{ticket.number} ist da.`, false},
		{`Your price is #5 {today}`, false},
		{`<%= message %>`, true},
		{`{{subject}}: {{body}}`, true},
		{`Acme: {{body}}`, true},
		{`Acme: your code is {{code}}`, false},
	} {
		p := &Part{Text: VerbatimText(c.text, 0)}
		p.Placeholders, _ = ScanSyntax(c.text, DefaultSyntax|SyntaxERB)
		tp := &Template{Parts: []*Part{p}}
		if got := tp.CopyHidden(); got != c.want {
			t.Errorf("CopyHidden(%q) = %v, want %v (placeholders %+v)", c.text, got, c.want, p.Placeholders)
		}
	}
}
