package lint

import (
	"regexp"
	"strings"
)

// decodeTypeRE reads go-toml's type mismatch message, e.g. "toml: cannot
// decode TOML string into struct field lint.LintConfig.Include of type
// []string".
var decodeTypeRE = regexp.MustCompile(`cannot decode TOML (\w+(?: \w+)?) into (?:struct field \S+ of type )?(.+)$`)

// typeMismatch says in TOML words what a go-toml type mismatch wanted and
// got, e.g. "want an array of strings, not a string"; ok is false when
// msg is no type mismatch. It never names a Go type.
func typeMismatch(msg string) (string, bool) {
	m := decodeTypeRE.FindStringSubmatch(msg)
	if m == nil {
		return "", false
	}
	return "want " + tomlTypeName(strings.TrimSpace(m[2])) + ", not " + article(m[1]), true
}

// tomlTypeName describes a Go type as the TOML value that decodes into it.
func tomlTypeName(goType string) string {
	goType = strings.TrimPrefix(goType, "*")
	switch {
	case goType == "string":
		return "a string"
	case goType == "bool":
		return "true or false"
	case strings.HasPrefix(goType, "int") || strings.HasPrefix(goType, "uint"):
		return "an integer"
	case strings.HasPrefix(goType, "float"):
		return "a number"
	case strings.HasPrefix(goType, "[]"):
		elem := tomlTypeName(goType[2:])
		switch elem {
		case "a string":
			return "an array of strings"
		case "an integer":
			return "an array of integers"
		case "a table":
			return "an array of tables"
		}
		return "an array"
	case strings.HasPrefix(goType, "map["), strings.Contains(goType, "."), strings.HasPrefix(goType, "struct"):
		return "a table"
	}
	return "another type"
}

// article puts "a" or "an" before a TOML type name from go-toml ("string",
// "integer", "inline table", "array").
func article(kind string) string {
	if kind == "" {
		return "a value"
	}
	switch kind[0] {
	case 'a', 'e', 'i', 'o', 'u':
		return "an " + kind
	}
	return "a " + kind
}
