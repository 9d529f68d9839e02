package simulate

import (
	"encoding/binary"
	"strconv"
)

// parseParquet decodes a chunk of Parquet records (see parquetReader.next):
// 'E', the row number, then per column slot a tag and its value. Typed
// times become text that parseTimestamp reads back exactly: an instant as
// RFC 3339 in UTC, a wall time without an offset (read in
// simulate.timezone, like a naive CSV timestamp); integers become decimal
// text (for the timestamp: Unix seconds or milliseconds, as in CSV).
func (p *parser) parseParquet(j *job, res *result) {
	data := j.data
	var scratch [nCols][40]byte
	for len(data) > 1 && data[0] == 'E' {
		row, n := binary.Uvarint(data[1:])
		if n <= 0 {
			return
		}
		data = data[1+n:]
		var f [nCols][]byte
		var null [nCols]bool
		outside := -1
		for slot := range nCols {
			tag := data[0]
			data = data[1:]
			switch tag {
			case pqTagNull:
				null[slot] = true
			case pqTagBytes:
				l, n := binary.Uvarint(data)
				f[slot] = data[n : n+int(l)]
				data = data[n+int(l):]
			default:
				v, n := binary.Varint(data)
				data = data[n:]
				switch {
				case tag == pqTagInt:
					f[slot] = strconv.AppendInt(scratch[slot][:0], v, 10)
				case v == pqBadTime || v < minTime-2*nsPerDay || v >= maxTime+2*nsPerDay:
					outside = slot
				default:
					f[slot] = appendTimeText(scratch[slot][:0], v, tag == pqTagUTC)
				}
			}
		}
		line := int64(row)
		if slot := firstNull(&null); slot >= 0 {
			p.bad(res, j.src, line, "%s is null", j.src.names[slot])
			continue
		}
		if outside >= 0 {
			p.bad(res, j.src, line, "%s: outside the supported years %d-%d", j.src.names[outside], minYear, maxYear)
			continue
		}
		p.emit(res, j.src, line, &f)
	}
}

// firstNull returns the first required slot that is null, or -1.
func firstNull(null *[nCols]bool) int {
	for _, slot := range [...]int{colCust, colTS, colStatus} {
		if null[slot] {
			return slot
		}
	}
	return -1
}

// appendTimeText appends Unix nanoseconds ns as "YYYY-MM-DDTHH:MM:SS[.fffffffff]",
// with a Z when utc.
func appendTimeText(dst []byte, ns int64, utc bool) []byte {
	sec := floorDiv(ns, nsPerSec)
	frac := ns - sec*nsPerSec
	days := floorDiv(sec, secPerDay)
	sod := sec - days*secPerDay
	y, m, d := civilFromDays(days)
	dst = appendDigits(dst, y, 4)
	dst = append(dst, '-')
	dst = appendDigits(dst, m, 2)
	dst = append(dst, '-')
	dst = appendDigits(dst, d, 2)
	dst = append(dst, 'T')
	dst = appendDigits(dst, sod/3600, 2)
	dst = append(dst, ':')
	dst = appendDigits(dst, sod/60%60, 2)
	dst = append(dst, ':')
	dst = appendDigits(dst, sod%60, 2)
	if frac != 0 {
		dst = append(dst, '.')
		dst = appendDigits(dst, frac, 9)
	}
	if utc {
		dst = append(dst, 'Z')
	}
	return dst
}

// appendDigits appends v (non-negative) as exactly n decimal digits.
func appendDigits(dst []byte, v int64, n int) []byte {
	l := len(dst)
	for range n {
		dst = append(dst, '0')
	}
	for i := l + n - 1; i >= l; i-- {
		dst[i] = byte('0' + v%10)
		v /= 10
	}
	return dst
}

// civilFromDays returns the date of the day days after 1970-01-01
// (proleptic Gregorian; H. Hinnant's algorithm, the inverse of daysFromCivil).
func civilFromDays(days int64) (y, m, d int64) {
	z := days + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}
