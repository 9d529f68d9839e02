package simulate

import (
	"bytes"
	"encoding/json"
)

// parseJSONL parses a chunk of JSON Lines: one object per line; blank lines
// are skipped.
func (p *parser) parseJSONL(j *job, res *result) {
	src, data, line := j.src, j.data, j.line-1
	for len(data) > 0 {
		line++
		rec := data
		if nl := bytes.IndexByte(data, '\n'); nl >= 0 {
			rec, data = data[:nl], data[nl+1:]
		} else {
			data = nil
		}
		rec = bytes.TrimSpace(rec)
		if len(rec) == 0 {
			continue
		}
		if !json.Valid(rec) {
			var v any
			err := json.Unmarshal(rec, &v)
			p.bad(res, src, line, "invalid JSON: %v", err)
			continue
		}
		var f [nCols][]byte
		if reason := jsonFields(rec, src, &f); reason != "" {
			p.bad(res, src, line, "%s", reason)
			continue
		}
		p.emit(res, src, line, &f)
	}
}

// jsonFields extracts the column values from one valid JSON object: strings
// (unescaped), numbers and booleans (as written); null counts as absent.
// It returns a reason when the row cannot be used.
func jsonFields(rec []byte, src *source, f *[nCols][]byte) string {
	i := skipWS(rec, 0)
	if i >= len(rec) || rec[i] != '{' {
		return "not a JSON object"
	}
	var present [nCols]bool
	i++
	for {
		i = skipWS(rec, i)
		if i >= len(rec) {
			return "truncated JSON object"
		}
		if rec[i] == '}' {
			break
		}
		if rec[i] == ',' {
			i++
			continue
		}
		keyEnd := stringEnd(rec, i)
		if keyEnd < 0 {
			return "bad JSON key"
		}
		key := rec[i+1 : keyEnd-1]
		if bytes.IndexByte(key, '\\') >= 0 {
			var s string
			if json.Unmarshal(rec[i:keyEnd], &s) != nil {
				return "bad JSON key"
			}
			key = []byte(s)
		}
		i = skipWS(rec, keyEnd)
		if i >= len(rec) || rec[i] != ':' {
			return "bad JSON object"
		}
		i = skipWS(rec, i+1)
		valEnd := valueEnd(rec, i)
		if valEnd < 0 {
			return "bad JSON value"
		}
		val := rec[i:valEnd]
		for slot := 0; slot < nCols; slot++ {
			if !bytes.Equal(key, src.keys[slot]) {
				continue
			}
			switch val[0] {
			case '"':
				inner := val[1 : len(val)-1]
				if bytes.IndexByte(inner, '\\') >= 0 {
					var s string
					if json.Unmarshal(val, &s) != nil {
						return "bad JSON string for " + src.names[slot]
					}
					inner = []byte(s)
				}
				f[slot], present[slot] = inner, true
			case '{', '[':
				return src.names[slot] + ": want a string or a number, found an " + map[byte]string{'{': "object", '[': "array"}[val[0]]
			case 'n':
				f[slot], present[slot] = nil, false
			default:
				f[slot], present[slot] = val, true
			}
		}
		i = valEnd
	}
	for _, slot := range []int{colCust, colTS, colStatus} {
		if !present[slot] {
			return "missing " + src.names[slot]
		}
	}
	return ""
}

func skipWS(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// stringEnd returns the index after the JSON string starting at b[i] ('"'), or -1.
func stringEnd(b []byte, i int) int {
	if i >= len(b) || b[i] != '"' {
		return -1
	}
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// valueEnd returns the index after the JSON value starting at b[i], or -1.
func valueEnd(b []byte, i int) int {
	if i >= len(b) {
		return -1
	}
	switch b[i] {
	case '"':
		return stringEnd(b, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				e := stringEnd(b, j)
				if e < 0 {
					return -1
				}
				j = e - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return -1
	default:
		j := i
		for j < len(b) && b[j] != ',' && b[j] != '}' && b[j] != ']' && b[j] != ' ' && b[j] != '\t' && b[j] != '\r' && b[j] != '\n' {
			j++
		}
		if j == i {
			return -1
		}
		return j
	}
}
