package lint

import (
	"testing"
)

const phpLaravelSample = `<?php
// comment
/* block */
# hash
return [
    'plain' => 'It\'s :name\\n',
    "double" => "Tab\there \"q\" \u{1F600} \x41 \101 \$x",
    'nested' => [
        'deep' => 'Deep – value',
        'list' => ['a', 'b',],
    ],
    'old' => array('x' => 'Old style'),
    'num' => 3,
    'null' => null,
];
`

const phpAssignSample = `<?php
require_once('Language.php');
class de_de extends en_gb
{
    protected function _LoadStrings()
    {
        $strings = parent::_LoadStrings();
        $strings['Subject'] = 'Reservierung %s erstellt';
        $strings["Multi"]['a'] = "Mehr";
        $days['full'] = ['So', 'Mo'];
        $this->Strings = $strings;
        $x = <<<EOT
  $strings['no'] = 'heredoc';
  EOT;
        return $this->Strings;
    }
}
?>
<p>inline html</p>
`

func TestPHPBundle(t *testing.T) {
	cases := []struct {
		path, src string
		want      []struct{ id, text, needle, pos string }
		n         int
		locale    string
	}{
		{"resources/lang/de/messages.php", phpLaravelSample, []struct{ id, text, needle, pos string }{
			{"plain", `It's :name\n`, "It", "6:17"},
			{"double", "Tab\there \"q\" \U0001F600 A A $x", "here", "7:23"},
			{"nested.deep", "Deep – value", "–", "9:25"},
			{"nested.list.1", "b", "b", "10:26"},
			{"old.x", "Old style", "Old", "12:28"},
		}, 6, "de"},
		{"lang/de_de.php", phpAssignSample, []struct{ id, text, needle, pos string }{
			{"strings.Subject", "Reservierung %s erstellt", "Reservierung", "8:32"},
			{"strings.Multi.a", "Mehr", "Mehr", "9:35"},
			{"days.full.1", "Mo", "Mo", "10:33"},
		}, 4, "de-DE"},
	}
	for _, c := range cases {
		ts := bundleTemplates(t, c.path, c.src)
		for _, w := range c.want {
			wantText(t, ts, w.id, w.text, w.needle, w.pos)
			if l := ts[w.id].Locale; l != c.locale {
				t.Errorf("%s %s: locale %q, want %q", c.path, w.id, l, c.locale)
			}
		}
		if len(ts) != c.n {
			t.Errorf("%s: got %d messages: %v", c.path, len(ts), keys(ts))
		}
	}
	ts := bundleTemplates(t, "resources/lang/de/messages.php", phpLaravelSample)
	if ph := ts["plain"].Body().Placeholders; len(ph) != 1 || ph[0].Name != "name" {
		t.Errorf("laravel :name in a PHP bundle: %+v", ph)
	}
	ts = bundleTemplates(t, "lang/de_de.php", phpAssignSample)
	if ph := ts["strings.Subject"].Body().Placeholders; len(ph) != 1 || ph[0].Name != "%1$s" {
		t.Errorf("printf in a PHP bundle: %+v", ph)
	}
}
