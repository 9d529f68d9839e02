package load

import (
	"fmt"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/message"
)

// loadScoped loads files (path → content), groups them and infers their
// scope, as a check does; results are keyed "locale key" (with the path
// in front for a second file with the same key).
func loadScoped(t *testing.T, files map[string]string) map[string]*message.Template {
	t.Helper()
	cfg := DefaultConfig()
	ts := GroupTemplates(loadFiles(t, files), cfg)
	InferScope(ts, cfg)
	out := map[string]*message.Template{}
	for _, tm := range ts {
		k := tm.Locale + " " + tm.Key
		if _, dup := out[k]; dup {
			k = tm.Source.Path + " " + k
		}
		out[k] = tm
	}
	return out
}

// androidStrings writes a strings.xml of name → text.
func androidStrings(entries [][2]string) string {
	var b strings.Builder
	b.WriteString("<resources>\n")
	for _, e := range entries {
		fmt.Fprintf(&b, "  <string name=%q>%s</string>\n", e[0], e[1])
	}
	b.WriteString("</resources>\n")
	return b.String()
}

// TestDomainWordInKeys: in a reminder app "reminder" is in many keys'
// last segments (settings, dialogs, help): it names the app's domain and
// makes no string a notification; a namespace every key shares
// ("mailers.") still says what the file holds.
func TestDomainWordInKeys(t *testing.T) {
	var en, de, fr [][2]string
	for i := range 12 {
		en = append(en, [2]string{fmt.Sprintf("add_reminder_%d", i), "Add a reminder"})
		de = append(de, [2]string{fmt.Sprintf("add_reminder_%d", i), "Erinnerung hinzufügen"})
		fr = append(fr, [2]string{fmt.Sprintf("add_reminder_%d", i), "Ajouter un rappel"})
	}
	for i := range 30 {
		en = append(en, [2]string{fmt.Sprintf("screen_%d", i), "Screen"})
		de = append(de, [2]string{fmt.Sprintf("screen_%d", i), "Bildschirm"})
		fr = append(fr, [2]string{fmt.Sprintf("screen_%d", i), "Écran"})
	}
	help := [3]string{
		"Sets a recurring pattern of active and paused days from a given date. You will get the reminder on active days only.",
		"Konfiguriert ein wiederkehrendes Muster von aktiven und pausierten Tagen. Sie erhalten die Erinnerung nur an aktiven Tagen.",
		"Définit un cycle de jours actifs et de pause à partir d'une date. Vous recevez le rappel uniquement les jours actifs.",
	}
	en = append(en, [2]string{"cyclic_reminder_summary", help[0]})
	de = append(de, [2]string{"cyclic_reminder_summary", help[1]})
	fr = append(fr, [2]string{"cyclic_reminder_summary", help[2]})
	got := loadScoped(t, map[string]string{
		"res/values/strings.xml":        androidStrings(en),
		"res/values-de/strings.xml":     androidStrings(de),
		"res/values-fr/strings.xml":     androidStrings(fr),
		"config/locales/mailers/en.yml": "en:\n  mailers:\n    notify_mailer:\n      moderator: Congrats! You are now a moderator for #%{tag}.\n",
	})
	for _, loc := range []string{"en", "de", "fr"} {
		tm := got[loc+" cyclic_reminder_summary"]
		if tm == nil {
			t.Fatalf("%s cyclic_reminder_summary not loaded", loc)
		}
		if tm.IsNotification() || tm.Scope.Kind.Source == message.FromKey {
			t.Errorf("%s cyclic_reminder_summary: notification %v (%s), kind %q from %s; want an interface text of no kind by its key", loc, tm.IsNotification(), tm.Scope.Notification.Detail, tm.Kind, tm.Scope.Kind.Source)
		}
	}
	if tm := got["en mailers.notify_mailer.moderator"]; tm == nil || !tm.IsNotification() {
		t.Errorf("mailers.notify_mailer.moderator: want a notification (%v)", tm)
	}
}

// TestTopicWordsInKeys: a key that is a slug of its text talks about push
// ("id_you_will_stop_receiving_push") and a key about the notification
// feature's settings ("customize_notification") is an interface text; a
// key that names a push's role still gives the channel.
func TestTopicWordsInKeys(t *testing.T) {
	got := loadScoped(t, map[string]string{
		"NotificationService/en.lproj/Localizable.strings": `"id_you_will_stop_receiving_push" = "You will stop receiving push notifications for this account. Notifications help us keep your payments reliable.";
"order_shipped_push_body" = "Your order has shipped. Track it in the app.";
`,
		"res/values/strings.xml":    androidStrings([][2]string{{"customize_notification", "Customize notifications"}, {"led_notifications", "Notification light"}}),
		"res/values-de/strings.xml": androidStrings([][2]string{{"customize_notification", "Benachrichtigungen anpassen"}, {"led_notifications", "Benachrichtigungslicht"}}),
		"res/values-fr/strings.xml": androidStrings([][2]string{{"customize_notification", "Personnaliser les notifications"}}),
	})
	if tm := got["en id_you_will_stop_receiving_push"]; tm == nil || tm.Channel == "push" || tm.IsNotification() {
		t.Errorf("id_you_will_stop_receiving_push: %+v, want no push notification", tm.Scope)
	}
	if tm := got["en order_shipped_push_body"]; tm == nil || tm.Channel != "push" {
		t.Errorf("order_shipped_push_body: want channel push")
	}
	for _, k := range []string{"en customize_notification", "de customize_notification", "fr customize_notification", "en led_notifications", "de led_notifications"} {
		if tm := got[k]; tm == nil || tm.IsNotification() || tm.Scope.PartOf != "" {
			t.Errorf("%s: want an interface text, not part of a notification", k)
		}
	}
}

// TestPathAboveTemplatesAndLonelyLocaleFolders: the folders above a
// project's templates folder name the program ("application/"), not the
// kind; a folder named like a locale that is also a word ("hr/": human
// resources) with no sibling locale folders yields to the text's language.
func TestPathAboveTemplatesAndLonelyLocaleFolders(t *testing.T) {
	got := loadScoped(t, map[string]string{
		"application/Espo/Resources/templates/mention/en_US/body.html": "<p>You were mentioned in a post by {{userName}}.</p>",
		"application/Espo/Resources/templates/mention/de_DE/body.html": "<p>Sie wurden in einem Beitrag von {{userName}} erwähnt.</p>",
		"hrms/hr/notification/leave_cancelled/leave_cancelled.md":      "Hello {{ employee_name }},\n\nThe leave application you submitted for the period from {{ from_date }} to {{ to_date }} has been cancelled by the approver, and you can see it in the list of your applications.\n",
		"app/templates/hr/welcome.txt":                                 "Dobrodošli! Vaš račun je spreman.",
		"app/templates/fr/welcome.txt":                                 "Bienvenue ! Votre compte est prêt.",
	})
	for k, tm := range got {
		if strings.Contains(k, "body") && tm.Kind == "process-update" {
			t.Errorf("%s: kind %q (%s), want none from the application/ folder", k, tm.Kind, tm.Scope.Kind.Detail)
		}
	}
	var hr, croatian *message.Template
	for _, tm := range got {
		switch tm.Source.Path {
		case "hrms/hr/notification/leave_cancelled/leave_cancelled.md":
			hr = tm
		case "app/templates/hr/welcome.txt":
			croatian = tm
		}
	}
	if hr == nil || hr.Locale != "en" {
		t.Errorf("hrms/hr/…: locale %v, want en from the text", hr.Scope.Locale)
	}
	if croatian == nil || croatian.Locale != "hr" {
		t.Errorf("templates/hr/ beside fr/: want hr")
	}
}

// TestInterfaceFolderBelowLocale: a bundle in a folder named for a screen
// below its locale folder (lang/de/settings/) holds that screen's texts,
// whatever the file's name; a section named for the notification feature
// does not make its labels parts of a notification.
func TestInterfaceFolderBelowLocale(t *testing.T) {
	got := loadScoped(t, map[string]string{
		"lang/de/settings/notifications.php": "<?php\nreturn [\n  'apprise_help' => 'Apprise schickt Ihnen Benachrichtigungen über viele Dienste. Geben Sie die URL Ihres Apprise-Servers ein.',\n];\n",
		"lang/fr/notifications.php":          "<?php\nreturn [\n  'test_sent' => 'Bonjour, votre test de vitesse est terminé. Merci et à bientôt !',\n];\n",
		"resources/lang/en/web.php":          "<?php\nreturn [\n  'notifications' => [\n    'title' => 'Notifications',\n    'filter_all' => 'All',\n  ],\n];\n",
	})
	if tm := got["de apprise_help"]; tm == nil || tm.IsNotification() {
		t.Errorf("settings/notifications.php: want an interface text")
	}
	if tm := got["fr test_sent"]; tm == nil || !tm.IsNotification() {
		t.Errorf("fr/notifications.php: want a notification")
	}
	for _, k := range []string{"en notifications.title", "en notifications.filter_all"} {
		if tm := got[k]; tm == nil || tm.Scope.PartOf != "" || tm.IsNotification() {
			t.Errorf("%s: want an interface label, not part of a notification", k)
		}
	}
}

// TestUntranslatedGettextEntryReadsAsItsMsgid: an entry with an empty
// msgstr is classified by its msgid, the text readers get.
func TestUntranslatedGettextEntryReadsAsItsMsgid(t *testing.T) {
	po := func(lang, msgstr string) string {
		return "msgid \"\"\nmsgstr \"\"\n\"Language: " + lang + "\\n\"\n\n#: plugin/templates/plugin/mail.txt:2\nmsgid \"\"\n\"Hello,\\n\\nyou ordered a ticket for {event}.\\n\\nWe will debit your bank account {iban} on {due_date}.\\n\\nBest regards,\\nYour {event} team\"\nmsgstr \"" + msgstr + "\"\n"
	}
	got := loadScoped(t, map[string]string{
		"locale/fr/LC_MESSAGES/django.po": po("fr", ""),
		"locale/de/LC_MESSAGES/django.po": po("de", "Hallo,\\n\\nSie haben ein Ticket für {event} bestellt.\\n\\nWir buchen am {due_date} von Ihrem Konto {iban} ab.\\n\\nViele Grüße,\\nIhr {event}-Team"),
	})
	n := 0
	for _, tm := range got {
		if tm.Locale == "fr" || tm.Locale == "de" {
			n++
			if !tm.IsNotification() {
				t.Errorf("%s: %s, want a notification", tm.Locale, tm.Scope.Notification.Detail)
			}
		}
	}
	if n != 2 {
		t.Errorf("loaded %d entries, want 2", n)
	}
}

// TestGettextReferenceToMailTemplate: a reference to a text template named
// for its channel (mail.txt) marks the entry a notification.
func TestGettextReferenceToMailTemplate(t *testing.T) {
	po := func(ref string) string {
		return "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n\n#: " + ref + "\nmsgid \"We will debit your account {iban} on {due_date}.\"\nmsgstr \"Wir buchen den Betrag am {due_date} von Ihrem Konto {iban} ab.\"\n"
	}
	got := loadScoped(t, map[string]string{
		"a/locale/de/LC_MESSAGES/django.po": po("plugin/templates/plugin/mail.txt:4"),
		"b/locale/de/LC_MESSAGES/django.po": po("plugin/payment.py:40"),
	})
	for _, tm := range got {
		want := strings.HasPrefix(tm.Source.Path, "a/")
		if tm.IsNotification() != want {
			t.Errorf("%s: notification %v (%s), want %v", tm.Source.Path, tm.IsNotification(), tm.Scope.Notification.Detail, want)
		}
	}
}
