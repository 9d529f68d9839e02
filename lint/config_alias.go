package lint

import (
	"errors"
	"fmt"
	"sort"

	"github.com/pelletier/go-toml/v2"
)

// OptionError is an option validation error about one key. Key is the
// path below the rule's table ("pages", "https://acme.example/*"), so the
// config loader can name the line that set it.
type OptionError struct {
	Key []string
	Err error
}

func (e *OptionError) Error() string { return e.Err.Error() }

func (e *OptionError) Unwrap() error { return e.Err }

// DirValidator is implemented by options that name files: the config
// loader calls ValidateDir with the directory of the config file after
// decoding, so the options can refuse paths outside it.
type DirValidator interface {
	ValidateDir(dir string) error
}

// validateOptions runs the validators an options value implements.
func validateOptions(opts any, dir string) error {
	if v, ok := opts.(interface{ Validate() error }); ok {
		if err := v.Validate(); err != nil {
			return err
		}
	}
	if v, ok := opts.(DirValidator); ok {
		return v.ValidateDir(dir)
	}
	return nil
}

// aliasTables maps each alias table name to the id of its rule.
func aliasTables(rules []*Rule) map[string]string {
	m := map[string]string{}
	for _, r := range rules {
		if r.ConfigAlias != "" {
			m[r.ConfigAlias] = r.ID
		}
	}
	return m
}

// withoutAliasTables drops from a strict decoding error the unknown keys
// that belong to alias tables; it returns nil when nothing else is left.
func withoutAliasTables(err error, rules []*Rule) error {
	var sm *toml.StrictMissingError
	if err == nil || !errors.As(err, &sm) {
		return err
	}
	aliases := aliasTables(rules)
	var keep []toml.DecodeError
	for _, e := range sm.Errors {
		if k := e.Key(); len(k) > 0 && aliases[k[0]] != "" {
			continue
		}
		keep = append(keep, e)
	}
	if len(keep) == 0 {
		return nil
	}
	return &toml.StrictMissingError{Errors: keep}
}

// mergeAliasTables moves the keys of alias tables into the [rules.ID]
// options of their rules. It returns, per rule id, the table each moved
// key came from.
func mergeAliasTables(path string, data []byte, rules []*Rule, fc *fileConfig) (map[string]map[string]string, error) {
	aliases := aliasTables(rules)
	if len(aliases) == 0 {
		return nil, nil
	}
	var raw map[string]any
	if err := toml.Unmarshal(data, &raw); err != nil {
		return nil, tomlError(path, err)
	}
	names := make([]string, 0, len(aliases))
	for name := range aliases {
		names = append(names, name)
	}
	sort.Strings(names)
	origins := map[string]map[string]string{}
	for _, name := range names {
		v, ok := raw[name]
		if !ok {
			continue
		}
		id := aliases[name]
		table, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s:%d: %s must be a table ([%s])", path, keyLine(data, "", name), name, name)
		}
		if fc.Rules == nil {
			fc.Rules = map[string]map[string]any{}
		}
		opts := fc.Rules[id]
		if opts == nil {
			opts = map[string]any{}
			fc.Rules[id] = opts
		}
		origins[id] = map[string]string{}
		keys := make([]string, 0, len(table))
		for k := range table {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if k == "severity" {
				return nil, fmt.Errorf("%s:%d: unknown key %q (set severity in [rules.%s])", path, keyLine(data, name, k), name+"."+k, id)
			}
			if v, dup := opts[k]; dup && !isZeroValue(v) {
				return nil, fmt.Errorf("%s:%d: %s is set in both [%s] and [rules.%s]; keep the one in [rules.%s]", path, keyLine(data, name, k), k, name, id, id)
			}
			opts[k] = table[k]
			origins[id][k] = name
		}
	}
	return origins, nil
}

// isZeroValue reports whether a decoded TOML value is 0 or "": in
// [rules.ID] the value that used to mean "use the alias table's value",
// so it yields to the alias table instead of clashing with it.
func isZeroValue(v any) bool {
	switch x := v.(type) {
	case int64:
		return x == 0
	case float64:
		return x == 0
	case string:
		return x == ""
	}
	return false
}

// headerTable is the table to name for an error about a rule's options as
// a whole: [rules.ID], or the alias table when every key came from it.
func headerTable(table string, raw map[string]any, origin map[string]string) string {
	alias := ""
	for k := range raw {
		if origin[k] == "" {
			return table
		}
		alias = origin[k]
	}
	if alias == "" {
		return table
	}
	return alias
}
