package simulate

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/format"
)

// The schema side of the Parquet reader: which top-level columns fill the
// slots, and how their types are read.

// pqColSpec is a column of the file mapped to a slot.
type pqColSpec struct {
	name     string
	leaf     int // index of its column chunk in a row group
	phys     format.Type
	kind     pqKind
	unit     int64 // nanoseconds per TIMESTAMP unit
	optional bool
}

func (s *pqColSpec) isBytes() bool { return s.phys == format.ByteArray }

// plainInts decodes n PLAIN INT32, INT64 or INT96 values (times in nanoseconds).
func (s *pqColSpec) plainInts(dst []int64, src []byte, n int) ([]int64, error) {
	w := map[format.Type]int{format.Int32: 4, format.Int64: 8, format.Int96: 12}[s.phys]
	if w == 0 || n > len(src)/w {
		return dst, fmt.Errorf("%d values of %d bytes in %d bytes", n, w, len(src))
	}
	for i := range n {
		b := src[i*w:]
		switch s.phys {
		case format.Int32:
			dst = append(dst, int64(int32(binary.LittleEndian.Uint32(b))))
		case format.Int64:
			dst = append(dst, int64(binary.LittleEndian.Uint64(b)))
		default:
			dst = append(dst, int96Nanos(b))
		}
	}
	s.scale(dst)
	return dst, nil
}

// scale turns TIMESTAMP units into nanoseconds (pqBadTime when out of range).
func (s *pqColSpec) scale(v []int64) {
	if s.unit <= 1 {
		return
	}
	lim := int64(1<<63-1) / s.unit
	for i, x := range v {
		if x > lim || x < -lim {
			v[i] = pqBadTime
		} else {
			v[i] = x * s.unit
		}
	}
}

// int96Nanos converts an INT96 timestamp (nanoseconds of the day, then the
// Julian day, little endian) to Unix nanoseconds.
func int96Nanos(b []byte) int64 {
	nanos := int64(binary.LittleEndian.Uint64(b))
	days := int64(binary.LittleEndian.Uint32(b[8:])) - 2440588 // Julian day of 1970-01-01
	if days < -100000 || days > 100000 || nanos < 0 || nanos >= nsPerDay+nsPerSec {
		return pqBadTime
	}
	return days*nsPerDay + nanos
}

// pqField is a top-level field of the schema.
type pqField struct {
	el    *format.SchemaElement
	leaf  int  // column chunk index (leaves only)
	group bool // a nested group
}

// topFields lists the top-level fields of the flattened schema.
func (r *parquetReader) topFields() ([]pqField, error) {
	s := r.md.Schema
	if len(s) == 0 {
		return nil, fmt.Errorf("%s: corrupt Parquet footer: no schema", r.name)
	}
	var out []pqField
	pos, leaves := 1, 0
	// walk skips the subtree at pos and counts its leaves.
	var walk func(depth int) error
	walk = func(depth int) error {
		if pos >= len(s) || depth > 64 {
			return fmt.Errorf("%s: corrupt Parquet schema", r.name)
		}
		el := &s[pos]
		pos++
		n, _ := el.NumChildren.Get()
		if n <= 0 {
			leaves++
			return nil
		}
		for range n {
			if err := walk(depth + 1); err != nil {
				return err
			}
		}
		return nil
	}
	n, _ := s[0].NumChildren.Get()
	for range n {
		if pos >= len(s) {
			return nil, fmt.Errorf("%s: corrupt Parquet schema", r.name)
		}
		el, leaf := &s[pos], leaves
		kids, _ := el.NumChildren.Get()
		if err := walk(0); err != nil {
			return nil, err
		}
		out = append(out, pqField{el: el, leaf: leaf, group: kids > 0})
	}
	for i := range r.md.RowGroups {
		if len(r.md.RowGroups[i].Columns) != leaves {
			return nil, fmt.Errorf("%s: corrupt Parquet footer: row group %d has %d columns, the schema %d", r.name, i+1, len(r.md.RowGroups[i].Columns), leaves)
		}
	}
	return out, nil
}

// mapColumns finds the mapped columns and checks their types.
func (r *parquetReader) mapColumns(cols Columns) error {
	fields, err := r.topFields()
	if err != nil {
		return err
	}
	header := make([]string, len(fields))
	for i, f := range fields {
		header[i] = f.el.Name
	}
	hive := hivePartitions(r.name)
	r.names = [nCols]string{cols.CustomerID, cols.EntityID, cols.Timestamp, cols.Status, cols.Timezone}
	required := [nCols]bool{colCust: true, colTS: true, colStatus: true, colEnt: cols.entityExplicit, colZone: cols.zoneExplicit}
	for slot, name := range r.names {
		idx, err := findColumn(header, name)
		if err != nil {
			return fmt.Errorf("%s: %w", r.name, err)
		}
		if idx < 0 {
			if v, ok := lookupFold(hive, name); ok {
				r.consts[slot] = []byte(v)
				continue
			}
			if required[slot] {
				return fmt.Errorf("%s: missing column %q (columns: %s); name another column with [simulate.columns] %s = \"...\"",
					r.name, name, strings.Join(header, ", "), colKeys[slot])
			}
			continue
		}
		for other, sp := range r.specs {
			if sp != nil && sp.leaf == fields[idx].leaf && !fields[idx].group {
				return fmt.Errorf("%s: column %q is mapped to both %s and %s", r.name, header[idx], colKeys[other], colKeys[slot])
			}
		}
		spec, err := columnSpec(slot, fields[idx])
		if err != nil {
			return fmt.Errorf("%s: column %q (%s): %w", r.name, header[idx], colKeys[slot], err)
		}
		r.specs[slot] = spec
	}
	return nil
}

// lookupFold finds key in m exactly, else ignoring case.
func lookupFold(m map[string]string, key string) (string, bool) {
	if v, ok := m[key]; ok {
		return v, true
	}
	for k, v := range m {
		if strings.EqualFold(k, key) {
			return v, true
		}
	}
	return "", false
}

// columnSpec checks that a field can fill a slot and says how to read it.
func columnSpec(slot int, f pqField) (*pqColSpec, error) {
	el := f.el
	if f.group {
		return nil, errors.New("a nested group; want a flat column")
	}
	if rep, _ := el.RepetitionType.Get(); rep == format.Repeated {
		return nil, errors.New("a repeated (list) column; want one value per row")
	}
	phys, _ := el.Type.Get()
	spec := &pqColSpec{name: el.Name, leaf: f.leaf, phys: phys}
	if rep, _ := el.RepetitionType.Get(); rep == format.Optional {
		spec.optional = true
	}
	conv, hasConv := el.ConvertedType.Get()
	lt := el.LogicalType.Value
	typeName := phys.String()
	if _, isInt := lt.(*format.IntType); lt != nil && !isInt {
		typeName += " " + lt.String()
	} else if hasConv && lt == nil {
		if n := convertedName(conv); n != "" {
			typeName += " " + n
		}
	}
	want := "a string (BYTE_ARRAY)"
	switch {
	case phys == format.ByteArray:
		return spec, nil
	case slot == colCust || slot == colEnt:
		want = "a string or an integer"
		if (phys == format.Int32 || phys == format.Int64) && isPlainInt(lt, conv, hasConv) {
			spec.kind = pqInt
			return spec, nil
		}
	case slot == colTS:
		want = "a TIMESTAMP, INT96, Unix seconds or milliseconds (INT64) or a string"
		if phys == format.Int96 {
			spec.kind = pqTimeUTC
			return spec, nil
		}
		if (phys == format.Int32 || phys == format.Int64) && isPlainInt(lt, conv, hasConv) {
			spec.kind = pqInt
			return spec, nil
		}
		if phys == format.Int64 {
			if ts, ok := lt.(*format.TimestampType); ok {
				spec.kind = pqTimeLocal
				if ts.IsAdjustedToUTC {
					spec.kind = pqTimeUTC
				}
				switch ts.Unit.Value.(type) {
				case *format.MilliSeconds:
					spec.unit = 1e6
				case *format.MicroSeconds:
					spec.unit = 1e3
				case *format.NanoSeconds:
					spec.unit = 1
				default:
					return nil, fmt.Errorf("%s: unknown timestamp unit", typeName)
				}
				return spec, nil
			}
			if lt == nil && hasConv && (conv == deprecated.TimestampMillis || conv == deprecated.TimestampMicros) {
				spec.kind, spec.unit = pqTimeUTC, 1e3
				if conv == deprecated.TimestampMillis {
					spec.unit = 1e6
				}
				return spec, nil
			}
		}
	}
	return nil, fmt.Errorf("the column is %s; want %s", typeName, want)
}

// convertedName names the legacy (converted) types a message may mention.
func convertedName(c deprecated.ConvertedType) string {
	switch c {
	case deprecated.UTF8:
		return "UTF8"
	case deprecated.Decimal:
		return "DECIMAL"
	case deprecated.Date:
		return "DATE"
	case deprecated.TimeMillis, deprecated.TimeMicros:
		return "TIME"
	case deprecated.TimestampMillis:
		return "TIMESTAMP_MILLIS"
	case deprecated.TimestampMicros:
		return "TIMESTAMP_MICROS"
	case deprecated.Int8, deprecated.Int16, deprecated.Int32, deprecated.Int64,
		deprecated.Uint8, deprecated.Uint16, deprecated.Uint32, deprecated.Uint64:
		return "" // the physical type says it
	}
	return fmt.Sprintf("(converted type %d)", c)
}

// isPlainInt tells whether an INT32 or INT64 column is a plain integer (no
// annotation, or an integer one).
func isPlainInt(lt format.LogicalTypeValue, conv deprecated.ConvertedType, hasConv bool) bool {
	if lt != nil {
		_, ok := lt.(*format.IntType)
		return ok
	}
	if !hasConv {
		return true
	}
	switch conv {
	case deprecated.Int8, deprecated.Int16, deprecated.Int32, deprecated.Int64,
		deprecated.Uint8, deprecated.Uint16, deprecated.Uint32, deprecated.Uint64:
		return true
	}
	return false
}
