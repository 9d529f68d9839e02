package lint

import "testing"

func FuzzAndroidStrings(f *testing.F) {
	fuzzBundle(f, "res/values-de/strings.xml", androidSample,
		`<resources><string name="a">"x \u00`, `<resources><plurals name="p"><item quantity="one">\`,
		"<resources><string name=\"a\"><![CDATA[x]]>&#xD800;&#233;&bogus;\r\n</string></resources>", "<!DOCTYPE x [<!ENTITY a 'b'>]><resources/>")
}

func FuzzAppleStrings(f *testing.F) {
	fuzzBundle(f, "de.lproj/Localizable.strings", appleStringsSample,
		`"a" = "\U00`, `"a" = "\UD83D";`, "/* x", `a = b;`, `"x" = "\101\`)
}

func FuzzXCStrings(f *testing.F) {
	fuzzBundle(f, "Localizable.xcstrings", xcstringsSample,
		`{"sourceLanguage": "en", "strings": {"": {}, "a": {"localizations": {"de": {"variations": {"device": {"mac": {"stringUnit": {"value": "x"}}}}}}}}}`,
		`{"strings": {"a": {"localizations": {"de": {"substitutions": {"n": {"variations": {"plural": {"one": {"stringUnit": {"value": 1}}}}}}}}}}}`)
}

func FuzzXLIFF(f *testing.F) {
	fuzzBundle(f, "messages.de.xlf", xliff12Sample, xliff20Sample,
		`<xliff trgLang="de"><file><unit id="u"><segment><source><cp hex="D800"/><cp hex="41"/></source><target><ph id=""/></target></segment></unit></file></xliff>`,
		`<xliff><file target-language="x y"><trans-unit id="a"><source><mrk><g><x/></g></mrk></source></trans-unit></file></xliff>`)
}

func FuzzPHPBundle(f *testing.F) {
	fuzzBundle(f, "lang/de/messages.php", phpLaravelSample, phpAssignSample,
		"<?php return array('a' => array(1 => 'x', 'y'), 'b' => \"\\u{110000}\\xFF\\7\");",
		"<?php $a[0]['b'] = ['c' => ['d']]; $b = 1; ?>x<?= 'y' ?>", "<?php return ['a' => <<<'EOT'\n x\n EOT,];")
}
