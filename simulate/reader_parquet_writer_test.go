package simulate

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"testing"

	"github.com/klauspost/compress/snappy"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// pqTestRow is one event for the test writer; ts is Unix microseconds.
type pqTestRow struct {
	cust, ent, status string
	ts                int64
}

// writeTestParquet writes rows as Parquet the simplest way the format
// allows, with habits of its own (so the reader is tried on a third
// writer): required columns, one v1 data page per column chunk, strings
// dictionary-encoded (the indexes bit-packed only), a TIMESTAMP(MICROS,
// UTC) column in PLAIN, snappy pages with checksums, rowsPerGroup rows per
// row group.
func writeTestParquet(tb testing.TB, rows []pqTestRow, rowsPerGroup int) []byte {
	tb.Helper()
	var out bytes.Buffer
	out.WriteString("PAR1")
	names := []string{"customer_id", "entity_id", "timestamp", "status"}
	md := format.FileMetaData{Version: 1, NumRows: int64(len(rows)), CreatedBy: "notelint test writer"}
	md.Schema = append(md.Schema, format.SchemaElement{Name: "schema", NumChildren: thrift.New(int32(len(names)))})
	for _, n := range names {
		el := format.SchemaElement{Name: n, RepetitionType: thrift.New(format.Required)}
		if n == "timestamp" {
			el.Type = thrift.New(format.Int64)
			el.LogicalType = format.LogicalType{Value: &format.TimestampType{IsAdjustedToUTC: true, Unit: format.TimeUnit{Value: &format.MicroSeconds{}}}}
			el.ConvertedType = thrift.New(deprecated.TimestampMicros)
		} else {
			el.Type = thrift.New(format.ByteArray)
			el.LogicalType = format.LogicalType{Value: &format.StringType{}}
			el.ConvertedType = thrift.New(deprecated.UTF8)
		}
		md.Schema = append(md.Schema, el)
	}
	for start := 0; start < len(rows); start += rowsPerGroup {
		group := rows[start:min(start+rowsPerGroup, len(rows))]
		rg := format.RowGroup{NumRows: int64(len(group))}
		for ci, n := range names {
			cc := format.ColumnChunk{MetaData: format.ColumnMetaData{PathInSchema: []string{n}, Codec: format.Snappy, NumValues: int64(len(group))}}
			off := int64(out.Len())
			if n == "timestamp" {
				cc.MetaData.Type = format.Int64
				var data []byte
				for _, r := range group {
					data = binary.LittleEndian.AppendUint64(data, uint64(r.ts))
				}
				cc.MetaData.DataPageOffset = off
				writeTestPage(tb, &out, format.DataPage, data, len(group), format.Plain)
				cc.MetaData.Encoding = []format.Encoding{format.Plain}
			} else {
				cc.MetaData.Type = format.ByteArray
				dict, idx := map[string]uint32{}, make([]uint32, len(group))
				var dictData []byte
				for i, r := range group {
					v := [...]string{r.cust, r.ent, "", r.status}[ci]
					k, ok := dict[v]
					if !ok {
						k = uint32(len(dict))
						dict[v] = k
						dictData = binary.LittleEndian.AppendUint32(dictData, uint32(len(v)))
						dictData = append(dictData, v...)
					}
					idx[i] = k
				}
				cc.MetaData.DictionaryPageOffset = off
				writeTestPage(tb, &out, format.DictionaryPage, dictData, len(dict), format.Plain)
				cc.MetaData.DataPageOffset = int64(out.Len())
				writeTestPage(tb, &out, format.DataPage, bitPackedIndexes(idx, len(dict)), len(group), format.RLEDictionary)
				cc.MetaData.Encoding = []format.Encoding{format.Plain, format.RLEDictionary}
			}
			cc.MetaData.TotalCompressedSize = int64(out.Len()) - off
			cc.MetaData.TotalUncompressedSize = cc.MetaData.TotalCompressedSize
			cc.FileOffset = off
			rg.Columns = append(rg.Columns, cc)
			rg.TotalByteSize += cc.MetaData.TotalCompressedSize
		}
		md.RowGroups = append(md.RowGroups, rg)
	}
	footer, err := thrift.Marshal(new(thrift.CompactProtocol), &md)
	if err != nil {
		tb.Fatal(err)
	}
	out.Write(footer)
	out.Write(binary.LittleEndian.AppendUint32(nil, uint32(len(footer))))
	out.WriteString("PAR1")
	return out.Bytes()
}

// writeTestPage writes a snappy page with its header (and checksum).
func writeTestPage(tb testing.TB, out *bytes.Buffer, typ format.PageType, data []byte, n int, enc format.Encoding) {
	tb.Helper()
	comp := snappy.Encode(nil, data)
	h := format.PageHeader{Type: typ, UncompressedPageSize: int32(len(data)), CompressedPageSize: int32(len(comp)), CRC: int32(crc32.ChecksumIEEE(comp))}
	if typ == format.DictionaryPage {
		h.DictionaryPageHeader = thrift.New(format.DictionaryPageHeader{NumValues: int32(n), Encoding: enc})
	} else {
		h.DataPageHeader = thrift.New(format.DataPageHeader{NumValues: int32(n), Encoding: enc, DefinitionLevelEncoding: format.RLE, RepetitionLevelEncoding: format.RLE})
	}
	hb, err := thrift.Marshal(new(thrift.CompactProtocol), &h)
	if err != nil {
		tb.Fatal(err)
	}
	out.Write(hb)
	out.Write(comp)
}

// bitPackedIndexes encodes dictionary indexes as one bit-packed run
// (preceded by the bit width byte).
func bitPackedIndexes(idx []uint32, dictLen int) []byte {
	w := 0
	for 1<<w < dictLen {
		w++
	}
	groups := (len(idx) + 7) / 8
	out := []byte{byte(w)}
	out = binary.AppendUvarint(out, uint64(groups)<<1|1)
	var acc uint64
	var bits int
	for i := 0; i < groups*8; i++ {
		var v uint32
		if i < len(idx) {
			v = idx[i]
		}
		acc |= uint64(v) << bits
		bits += w
		for bits >= 8 {
			out = append(out, byte(acc))
			acc >>= 8
			bits -= 8
		}
	}
	if bits > 0 {
		out = append(out, byte(acc))
	}
	return out
}
