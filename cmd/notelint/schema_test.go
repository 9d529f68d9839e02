package main

import (
	"bytes"
	"encoding"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules"
)

var updateSchema = flag.Bool("update-schema", false, "rewrite lint/config.schema.json from the config types")

// schemaPath is the JSON Schema of .notelint.toml, for editors (taplo,
// Even Better TOML in VS Code).
var schemaPath = filepath.Join("..", "..", "lint", "config.schema.json")

// TestConfigSchemaUpToDate generates the JSON Schema of .notelint.toml from
// the config types and every rule's options, and fails when the committed
// lint/config.schema.json differs (run `go test ./cmd/notelint -run
// TestConfigSchema -update-schema` after changing a config type).
func TestConfigSchemaUpToDate(t *testing.T) {
	got := configSchema(t)
	if *updateSchema {
		if err := os.WriteFile(schemaPath, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatalf("%v (write it with -update-schema)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date with the config types: run go test ./cmd/notelint -run TestConfigSchema -update-schema", schemaPath)
	}
	if out := starterConfig(defaultIncludes, false); !strings.HasPrefix(out, "#:schema "+configSchemaURL+"\n") {
		t.Errorf("init does not name the schema on its first line:\n%s", out)
	}
	if !strings.HasSuffix(configSchemaURL, "/lint/config.schema.json") {
		t.Errorf("the schema URL %s does not name lint/config.schema.json", configSchemaURL)
	}
}

// TestConfigSchemaValidatesConfigs checks the schema against configs
// notelint accepts (the example repository's, init's, the README's) and
// against ones it refuses (an unknown key, rule or option, a wrong type).
func TestConfigSchemaValidatesConfigs(t *testing.T) {
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(configSchema(t)))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource(configSchemaURL, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(configSchemaURL)
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(readme), "```toml\n[lint]")
	readmeConfig, _, _ := strings.Cut("[lint]"+rest, "```")
	example, err := os.ReadFile(filepath.Join("..", "..", "examples", ".notelint.toml"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, config string
		valid        bool
	}{
		{"examples/.notelint.toml", string(example), true},
		{"init", starterConfig([]string{"templates/**/*.txt"}, true), true},
		{"README", readmeConfig, true},
		{"alias tables", "[sms]\nmax_segments = 2\n[landing.pages]\n\"https://a.example/*\" = \"site/a.html\"\n", true},
		{"unknown key", "[lint]\nincludes = []\n", false},
		{"unknown rule", "[rules.no-such-rule]\nseverity = \"off\"\n", false},
		{"unknown option", "[rules.sms-segments]\nbudget = 1\n", false},
		{"bad severity", "[rules.vague-eta]\nseverity = \"loud\"\n", false},
		{"wrong type", "[lint]\ninclude = \"templates/**\"\n", false},
		{"unknown channel", "[lint]\ndefault_channel = \"fax\"\n", false},
	}
	for _, c := range cases {
		var v any
		if err := toml.Unmarshal([]byte(c.config), &v); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		err = sch.Validate(inst)
		if (err == nil) != c.valid {
			t.Errorf("%s: valid %v, want %v (%v)", c.name, err == nil, c.valid, err)
		}
		// notelint agrees with the schema.
		path := filepath.Join(t.TempDir(), ".notelint.toml")
		if err := os.WriteFile(path, []byte(c.config), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := lint.LoadConfig(path, rules.All()); (err == nil) != c.valid && c.name != "examples/.notelint.toml" {
			t.Errorf("%s: notelint loads it: %v, the schema says valid %v", c.name, err, c.valid)
		}
	}
}

func configSchema(t *testing.T) []byte {
	t.Helper()
	severity := map[string]any{"type": "string", "enum": []string{"error", "warning", "info", "off"},
		"description": "error, warning, info or off"}
	ruleTables := map[string]any{}
	props := map[string]any{}
	for _, r := range rules.All() {
		table := map[string]any{"type": "object", "description": r.Summary}
		p := map[string]any{"severity": severity}
		if r.Options != nil {
			opt := typeSchema(reflect.TypeOf(r.Options()))
			for k, v := range opt["properties"].(map[string]any) {
				p[k] = v
			}
			if r.ConfigAlias != "" {
				alias := typeSchema(reflect.TypeOf(r.Options()))
				alias["description"] = "older spelling of [rules." + r.ID + "]"
				props[r.ConfigAlias] = alias
			}
		}
		table["properties"] = p
		table["additionalProperties"] = false
		ruleTables[r.ID] = table
	}
	lintTable := typeSchema(reflect.TypeFor[load.LintConfig]())
	lp := lintTable["properties"].(map[string]any)
	lp["default_channel"] = map[string]any{"type": "string", "enum": message.KnownChannels()}
	lp["default_kind"] = map[string]any{"type": "string", "enum": message.KnownKinds()}
	props["lint"] = lintTable
	props["rules"] = map[string]any{"type": "object", "properties": ruleTables, "additionalProperties": false,
		"description": "one table per rule: [rules.ID] with severity and the rule's options (notelint explain ID)"}
	props["simulate"] = map[string]any{"type": "object", "description": "the notelint simulate policy (see simulate/README.md)"}
	schema := map[string]any{
		"$schema":              "http://json-schema.org/draft-07/schema#",
		"$id":                  configSchemaURL,
		"title":                ".notelint.toml",
		"description":          "notelint configuration; generated from the config types by TestConfigSchemaUpToDate",
		"type":                 "object",
		"properties":           props,
		"additionalProperties": false,
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(schema); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// typeSchema describes the TOML a Go config type decodes from.
func typeSchema(typ reflect.Type) map[string]any {
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	if reflect.PointerTo(typ).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
		return map[string]any{"type": "string"}
	}
	switch typ.Kind() {
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": typeSchema(typ.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": typeSchema(typ.Elem())}
	case reflect.Struct:
		props := map[string]any{}
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
				// go-toml reads an embedded struct's keys as the outer table's.
				for k, v := range typeSchema(f.Type)["properties"].(map[string]any) {
					props[k] = v
				}
				continue
			}
			if !f.IsExported() || name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			props[name] = typeSchema(f.Type)
		}
		return map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	}
	return map[string]any{}
}
