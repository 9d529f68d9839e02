package pipeline

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"time"
)

// A piece is what one events file sends to one bucket: the file's head
// (every bucket gets it) or one record. Pieces travel encoded as bytes:
// uvarint file index, uvarint line (0 for the head), then for the head
// uvarint next line and uvarint file size, then the text. A Parquet file's
// pieces are its head and its rows (simulate.ParquetSplit): line is the row
// number and the head's next is 0.
type piece struct {
	file int
	line int64 // 0: the head
	next int64 // head: the line after it; 0: the pieces of a Parquet file
	size int64 // head: the file's size in bytes
	text []byte
}

func (p piece) encode() []byte {
	b := make([]byte, 0, len(p.text)+24)
	b = binary.AppendUvarint(b, uint64(p.file))
	b = binary.AppendUvarint(b, uint64(p.line))
	if p.line == 0 {
		b = binary.AppendUvarint(b, uint64(p.next))
		b = binary.AppendUvarint(b, uint64(p.size))
	}
	return append(b, p.text...)
}

// batchBytes is about how many bytes of pieces travel as one element.
const batchBytes = 256 << 10

// appendPiece adds p to a batch: its length (uvarint), then p encoded.
func appendPiece(batch []byte, p piece) []byte {
	e := p.encode()
	batch = binary.AppendUvarint(batch, uint64(len(e)))
	return append(batch, e...)
}

// decodePieces appends the pieces of a batch to ps.
func decodePieces(ps []piece, batch []byte) ([]piece, error) {
	for len(batch) > 0 {
		n, k := binary.Uvarint(batch)
		if k <= 0 || n > uint64(len(batch)-k) {
			return ps, errors.New("corrupt batch of pieces")
		}
		p, err := decodePiece(batch[k : k+int(n)])
		if err != nil {
			return ps, err
		}
		ps = append(ps, p)
		batch = batch[k+int(n):]
	}
	return ps, nil
}

func decodePiece(b []byte) (piece, error) {
	var p piece
	var vals [4]uint64
	n := 2
	for i := 0; i < n; i++ {
		v, k := binary.Uvarint(b)
		if k <= 0 {
			return p, errors.New("corrupt piece")
		}
		vals[i], b = v, b[k:]
		if i == 1 && v == 0 {
			n = 4
		}
	}
	if vals[0] > 1<<31 || vals[1] > 1<<62 || vals[2] > 1<<62 || vals[3] > 1<<62 {
		return p, errors.New("corrupt piece")
	}
	p.file, p.line, p.next, p.size, p.text = int(vals[0]), int64(vals[1]), int64(vals[2]), int64(vals[3]), b
	return p, nil
}

// bucketFS holds the events files of one bucket: each file's head and its
// records of the bucket, every record on its line of the original file
// (blank lines in between, generated as read), so the replay's line numbers
// are the original ones; for a Parquet file, the head and the rows in row
// order (a partial copy that simulate reads as the file). Stat gives the
// original file's size, so the input fingerprint is that of the whole
// input. Other names (the contact files) are opened where they are.
type bucketFS struct {
	files map[string]*bucketFile
	other func(name string) (fs.File, error)
}

type bucketFile struct {
	name string
	size int64
	segs []segment
}

// segment is blank lines followed by text.
type segment struct {
	blank int64
	text  []byte
}

// newBucketFS sorts the pieces of one bucket into its files (names are the
// run's inputs, by index). Every file must have its head.
func newBucketFS(names []string, pieces []piece) (*bucketFS, error) {
	byFile := make([][]piece, len(names))
	for _, p := range pieces {
		if p.file < 0 || p.file >= len(names) {
			return nil, fmt.Errorf("piece of file %d: the run has %d files", p.file, len(names))
		}
		byFile[p.file] = append(byFile[p.file], p)
	}
	out := &bucketFS{files: map[string]*bucketFile{}}
	for i, ps := range byFile {
		sort.Slice(ps, func(a, b int) bool { return ps[a].line < ps[b].line })
		if len(ps) == 0 || ps[0].line != 0 {
			return nil, fmt.Errorf("%s: no head in the bucket", names[i])
		}
		f := &bucketFile{name: names[i], size: ps[0].size, segs: []segment{{text: ps[0].text}}}
		at := ps[0].next
		if at == 0 {
			for j, p := range ps[1:] {
				if p.line <= ps[j].line {
					return nil, fmt.Errorf("%s: row %d twice in the bucket", names[i], p.line)
				}
				f.segs = append(f.segs, segment{text: p.text})
			}
			out.files[names[i]] = f
			continue
		}
		for j, p := range ps[1:] {
			if prev := ps[j].text; p.line < at || len(prev) > 0 && prev[len(prev)-1] != '\n' {
				return nil, fmt.Errorf("%s: record of line %d overlaps the one before it", names[i], p.line)
			}
			f.segs = append(f.segs, segment{blank: p.line - at, text: p.text})
			at = p.line + int64(bytes.Count(p.text, []byte{'\n'}))
		}
		out.files[names[i]] = f
	}
	return out, nil
}

// Open opens one of the bucket's files.
func (b *bucketFS) Open(name string) (fs.File, error) {
	f, ok := b.files[name]
	if !ok {
		if b.other != nil {
			return b.other(name)
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &openFile{f: f}, nil
}

// Stat describes one of the bucket's files as the original.
func (b *bucketFS) Stat(name string) (fs.FileInfo, error) {
	f, ok := b.files[name]
	if !ok {
		if b.other != nil {
			o, err := b.other(name)
			if err != nil {
				return nil, err
			}
			defer func() { _ = o.Close() }()
			return o.Stat()
		}
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return fileInfo{f}, nil
}

type openFile struct {
	f     *bucketFile
	seg   int
	blank int64 // blank lines of segment seg already read
	off   int   // text bytes of segment seg already read
}

var newlines = bytes.Repeat([]byte{'\n'}, 4096)

func (o *openFile) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) && o.seg < len(o.f.segs) {
		s := o.f.segs[o.seg]
		if o.blank < s.blank {
			k := copy(p[n:], newlines[:min(int64(len(newlines)), s.blank-o.blank)])
			o.blank += int64(k)
			n += k
			continue
		}
		k := copy(p[n:], s.text[o.off:])
		o.off += k
		n += k
		if o.off == len(s.text) {
			o.seg, o.blank, o.off = o.seg+1, 0, 0
		}
	}
	if n == 0 && o.seg >= len(o.f.segs) {
		return 0, io.EOF
	}
	return n, nil
}

func (o *openFile) Stat() (fs.FileInfo, error) { return fileInfo{o.f}, nil }
func (o *openFile) Close() error               { return nil }

type fileInfo struct{ f *bucketFile }

func (i fileInfo) Name() string       { return i.f.name }
func (i fileInfo) Size() int64        { return i.f.size }
func (i fileInfo) Mode() fs.FileMode  { return 0o444 }
func (i fileInfo) ModTime() time.Time { return time.Time{} }
func (i fileInfo) IsDir() bool        { return false }
func (i fileInfo) Sys() any           { return nil }
