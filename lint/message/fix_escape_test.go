package message

import (
	"strings"
	"testing"
)

func TestHostEscape(t *testing.T) {
	mid := escapeContext{before: 'a', after: 'b'}
	cases := []struct {
		name string
		h    Host
		text string
		c    escapeContext
		want string // "" with err set: refused
		err  string
	}{
		{"raw keeps quotes", HostRaw, `"'`, mid, `"'`, ""},
		{"raw line break in CRLF file", HostRaw, "\n", escapeContext{crlf: true}, "\r\n", ""},
		{"json quote", Host{Str: StrJSON}, `"`, mid, `\"`, ""},
		{"json backslash and newline", Host{Str: StrJSON}, "\\\n\t\x01", mid, `\\\n\t\u0001`, ""},
		{"json apostrophe", Host{Str: StrJSON}, "'", mid, "'", ""},
		{"yaml double quote", Host{Str: StrYAMLDouble}, `"`, mid, `\"`, ""},
		{"yaml double space before a fold", Host{Str: StrYAMLDouble}, " ", escapeContext{before: 'a', after: '\n'}, `\ `, ""},
		{"yaml double control", Host{Str: StrYAMLDouble}, "\x01", mid, `\x01`, ""},
		{"yaml single apostrophe", Host{Str: StrYAMLSingle}, "'", mid, "''", ""},
		{"yaml single double quote", Host{Str: StrYAMLSingle}, `"`, mid, `"`, ""},
		{"yaml single newline", Host{Str: StrYAMLSingle}, "\n", mid, "", "single-quoted"},
		{"yaml plain mid quote", Host{Str: StrYAMLPlain}, `"`, mid, `"`, ""},
		{"yaml plain leading quote", Host{Str: StrYAMLPlain}, `"`, escapeContext{valueStart: true, after: 'a'}, "", "unquoted YAML"},
		{"yaml plain colon before space", Host{Str: StrYAMLPlain}, ":", escapeContext{before: 'a', after: ' '}, "", "unquoted YAML"},
		{"yaml plain hash after space", Host{Str: StrYAMLPlain}, "#", escapeContext{before: ' ', after: 'a'}, "", "unquoted YAML"},
		{"yaml plain space before hash", Host{Str: StrYAMLPlain}, " ", escapeContext{before: 'a', after: '#'}, "", "unquoted YAML"},
		{"yaml plain flow indicator", Host{Str: StrYAMLPlain}, "[", mid, "", "unquoted YAML"},
		{"brace anywhere", HostRaw, "{", mid, "", "placeholder"},
		{"icu apostrophe before a brace", HostRaw, "'", escapeContext{before: 't', after: '{', ICU: true}, "", "ICU"},
		{"icu apostrophe after one", HostRaw, "'", escapeContext{before: '\'', after: 's', ICU: true}, "", "ICU"},
		{"icu apostrophe in a word", HostRaw, "'", escapeContext{before: 't', after: 's', ICU: true}, "'", ""},
		{"apostrophe before a brace without icu", HostRaw, "'", escapeContext{before: 't', after: '{'}, "'", ""},
		{"yaml block newline", Host{Str: StrYAMLBlock}, "\n", mid, "", "block scalar"},
		{"yaml block quote", Host{Str: StrYAMLBlock}, `"'`, mid, `"'`, ""},
		{"toml basic", Host{Str: StrTOMLBasic}, `"\`, mid, `\"\\`, ""},
		{"toml multi basic", Host{Str: StrTOMLMultiBasic}, "\"\n", mid, `\"\n`, ""},
		{"toml literal apostrophe", Host{Str: StrTOMLLiteral}, "'", mid, "", "TOML literal"},
		{"toml literal double quote", Host{Str: StrTOMLLiteral}, `"`, mid, `"`, ""},
		{"toml multi literal lone apostrophe", Host{Str: StrTOMLMultiLiteral}, "'", mid, "'", ""},
		{"toml multi literal apostrophe run", Host{Str: StrTOMLMultiLiteral}, "'", escapeContext{before: '\''}, "", "TOML literal"},
		{"po quote", Host{Str: StrPO}, `"\`, mid, `\"\\`, ""},
		{"po control", Host{Str: StrPO}, "\x01", mid, "", ".po"},
		{"properties backslash", Host{Str: StrProperties}, `\`, mid, `\\`, ""},
		{"properties leading space", Host{Str: StrProperties}, " ", escapeContext{valueStart: true}, `\ `, ""},
		{"properties inner space", Host{Str: StrProperties}, " ", mid, " ", ""},
		{"markdown star", HostMarkdown, "*", mid, `\*`, ""},
		{"markdown dash at line start", HostMarkdown, "-", escapeContext{lineStart: true, after: ' '}, `\-`, ""},
		{"markdown dash mid line", HostMarkdown, "-", mid, "-", ""},
		{"markdown quotes", HostMarkdown, `"'`, mid, `"'`, ""},
		{"markdown code backtick", HostMarkdownCd, "`", mid, "", "Markdown code"},
		{"html text", HostHTML, `<&>"'`, mid, `&lt;&amp;&gt;"'`, ""},
		{"html line break", HostHTML, "\n", mid, "", "HTML"},
		{"html attribute in double quotes", Host{Str: StrRaw, Markup: MarkupHTMLAttr, Quote: '"'}, `"'`, mid, `&quot;'`, ""},
		{"html attribute in single quotes", Host{Str: StrRaw, Markup: MarkupHTMLAttr, Quote: '\''}, `"'`, mid, `"&#39;`, ""},
		{"html inside json", Host{Str: StrJSON, Markup: markupHTMLText}, `"<`, mid, `\"&lt;`, ""},
		{"unknown syntax", Host{}, "x", mid, "", "not in a syntax"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.h.Escape(c.text, c.c)
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
