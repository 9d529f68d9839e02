package lint

import (
	"strings"
	"testing"
)

func TestHostEscape(t *testing.T) {
	mid := escapeContext{before: 'a', after: 'b'}
	cases := []struct {
		name string
		h    host
		text string
		c    escapeContext
		want string // "" with err set: refused
		err  string
	}{
		{"raw keeps quotes", hostRaw, `"'`, mid, `"'`, ""},
		{"raw line break in CRLF file", hostRaw, "\n", escapeContext{crlf: true}, "\r\n", ""},
		{"json quote", host{str: strJSON}, `"`, mid, `\"`, ""},
		{"json backslash and newline", host{str: strJSON}, "\\\n\t\x01", mid, `\\\n\t\u0001`, ""},
		{"json apostrophe", host{str: strJSON}, "'", mid, "'", ""},
		{"yaml double quote", host{str: strYAMLDouble}, `"`, mid, `\"`, ""},
		{"yaml double space before a fold", host{str: strYAMLDouble}, " ", escapeContext{before: 'a', after: '\n'}, `\ `, ""},
		{"yaml double control", host{str: strYAMLDouble}, "\x01", mid, `\x01`, ""},
		{"yaml single apostrophe", host{str: strYAMLSingle}, "'", mid, "''", ""},
		{"yaml single double quote", host{str: strYAMLSingle}, `"`, mid, `"`, ""},
		{"yaml single newline", host{str: strYAMLSingle}, "\n", mid, "", "single-quoted"},
		{"yaml plain mid quote", host{str: strYAMLPlain}, `"`, mid, `"`, ""},
		{"yaml plain leading quote", host{str: strYAMLPlain}, `"`, escapeContext{valueStart: true, after: 'a'}, "", "unquoted YAML"},
		{"yaml plain colon before space", host{str: strYAMLPlain}, ":", escapeContext{before: 'a', after: ' '}, "", "unquoted YAML"},
		{"yaml plain hash after space", host{str: strYAMLPlain}, "#", escapeContext{before: ' ', after: 'a'}, "", "unquoted YAML"},
		{"yaml plain space before hash", host{str: strYAMLPlain}, " ", escapeContext{before: 'a', after: '#'}, "", "unquoted YAML"},
		{"yaml plain flow indicator", host{str: strYAMLPlain}, "[", mid, "", "unquoted YAML"},
		{"brace anywhere", hostRaw, "{", mid, "", "placeholder"},
		{"icu apostrophe before a brace", hostRaw, "'", escapeContext{before: 't', after: '{', icu: true}, "", "ICU"},
		{"icu apostrophe after one", hostRaw, "'", escapeContext{before: '\'', after: 's', icu: true}, "", "ICU"},
		{"icu apostrophe in a word", hostRaw, "'", escapeContext{before: 't', after: 's', icu: true}, "'", ""},
		{"apostrophe before a brace without icu", hostRaw, "'", escapeContext{before: 't', after: '{'}, "'", ""},
		{"yaml block newline", host{str: strYAMLBlock}, "\n", mid, "", "block scalar"},
		{"yaml block quote", host{str: strYAMLBlock}, `"'`, mid, `"'`, ""},
		{"toml basic", host{str: strTOMLBasic}, `"\`, mid, `\"\\`, ""},
		{"toml multi basic", host{str: strTOMLMultiBasic}, "\"\n", mid, `\"\n`, ""},
		{"toml literal apostrophe", host{str: strTOMLLiteral}, "'", mid, "", "TOML literal"},
		{"toml literal double quote", host{str: strTOMLLiteral}, `"`, mid, `"`, ""},
		{"toml multi literal lone apostrophe", host{str: strTOMLMultiLiteral}, "'", mid, "'", ""},
		{"toml multi literal apostrophe run", host{str: strTOMLMultiLiteral}, "'", escapeContext{before: '\''}, "", "TOML literal"},
		{"po quote", host{str: strPO}, `"\`, mid, `\"\\`, ""},
		{"po control", host{str: strPO}, "\x01", mid, "", ".po"},
		{"properties backslash", host{str: strProperties}, `\`, mid, `\\`, ""},
		{"properties leading space", host{str: strProperties}, " ", escapeContext{valueStart: true}, `\ `, ""},
		{"properties inner space", host{str: strProperties}, " ", mid, " ", ""},
		{"markdown star", hostMarkdown, "*", mid, `\*`, ""},
		{"markdown dash at line start", hostMarkdown, "-", escapeContext{lineStart: true, after: ' '}, `\-`, ""},
		{"markdown dash mid line", hostMarkdown, "-", mid, "-", ""},
		{"markdown quotes", hostMarkdown, `"'`, mid, `"'`, ""},
		{"markdown code backtick", hostMarkdownCd, "`", mid, "", "Markdown code"},
		{"html text", hostHTML, `<&>"'`, mid, `&lt;&amp;&gt;"'`, ""},
		{"html line break", hostHTML, "\n", mid, "", "HTML"},
		{"html attribute in double quotes", host{str: strRaw, markup: markupHTMLAttr, quote: '"'}, `"'`, mid, `&quot;'`, ""},
		{"html attribute in single quotes", host{str: strRaw, markup: markupHTMLAttr, quote: '\''}, `"'`, mid, `"&#39;`, ""},
		{"html inside json", host{str: strJSON, markup: markupHTMLText}, `"<`, mid, `\"&lt;`, ""},
		{"unknown syntax", host{}, "x", mid, "", "not in a syntax"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.h.escape(c.text, c.c)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("escape(%q) = %q, %v; want an error about %q", c.text, got, err, c.err)
				}
				return
			}
			if err != nil || got != c.want {
				t.Fatalf("escape(%q) = %q, %v; want %q", c.text, got, err, c.want)
			}
		})
	}
}
