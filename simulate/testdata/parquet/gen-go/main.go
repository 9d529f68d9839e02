// Command gen-go writes the Parquet fixtures of simulate/reader_parquet_test.go
// that come from a second writer, parquet-go's (DuckDB writes the others), so
// that the reader follows the format rather than one writer's habits: data
// page v2 and v1, required and optional columns, INT96 and nanosecond
// timestamps, several row groups of several pages each.
//
//	cd simulate/testdata/parquet/gen-go && go run . ../../../../examples/simulate/events.csv ..
package main

import (
	"encoding/csv"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/gzip"
	"github.com/parquet-go/parquet-go/compress/snappy"
	"github.com/parquet-go/parquet-go/deprecated"
)

// requiredRow: required columns, INT96 instants, page v2 (the writer's default).
type requiredRow struct {
	CustomerID string           `parquet:"customer_id,dict"`
	EntityID   string           `parquet:"entity_id,plain"`
	Timestamp  deprecated.Int96 `parquet:"timestamp"`
	Status     string           `parquet:"status,dict"`
	Ignored    int32            `parquet:"ignored"`
}

// optionalRow: optional columns, nanosecond instants, page v1.
type optionalRow struct {
	Status     *string `parquet:"status,optional,dict"`
	Timestamp  *int64  `parquet:"timestamp,optional,timestamp(nanosecond:utc)"`
	EntityID   string  `parquet:"entity_id,delta"`
	CustomerID *string `parquet:"customer_id,optional"`
}

func main() {
	in, out := os.Args[1], os.Args[2]
	f, err := os.Open(in)
	if err != nil {
		log.Fatal(err)
	}
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		log.Fatal(err)
	}
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		log.Fatal(err)
	}
	var req []requiredRow
	var opt []optionalRow
	for _, r := range recs[1:] {
		t, err := time.ParseInLocation("2006-01-02 15:04:05", r[2], berlin)
		if err != nil {
			log.Fatal(err)
		}
		req = append(req, requiredRow{CustomerID: r[0], EntityID: r[1], Timestamp: int96(t), Status: r[3]})
		ns := t.UnixNano()
		c, e, s := r[0], r[1], r[3]
		opt = append(opt, optionalRow{CustomerID: &c, EntityID: e, Timestamp: &ns, Status: &s})
	}
	write(filepath.Join(out, "go-int96-required-v2.parquet"), req,
		parquet.Compression(&snappy.Codec{}), parquet.PageBufferSize(2048), parquet.MaxRowsPerRowGroup(700))
	write(filepath.Join(out, "go-nanos-optional-v1.parquet"), opt,
		parquet.Compression(&gzip.Codec{}), parquet.DataPageVersion(1), parquet.PageBufferSize(4096), parquet.MaxRowsPerRowGroup(1000))
}

// int96 encodes t as Impala and Spark do: nanoseconds of the day, Julian day.
func int96(t time.Time) deprecated.Int96 {
	u := t.UTC()
	day := u.Unix()/86400 + 2440588
	nanos := u.UnixNano() - (u.Unix()/86400)*86400e9
	return deprecated.Int96{uint32(nanos), uint32(nanos >> 32), uint32(day)}
}

func write[T any](name string, rows []T, opts ...parquet.WriterOption) {
	f, err := os.Create(name)
	if err != nil {
		log.Fatal(err)
	}
	w := parquet.NewGenericWriter[T](f, opts...)
	if _, err := w.Write(rows); err != nil {
		log.Fatal(err)
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
