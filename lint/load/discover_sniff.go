package load

// This file tells, by a cheap look at their first bytes, which .php and
// .xml files of bundle folders are string bundles (IsBundleFile).

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
)

// phpSniffBytes is how much of a .php file in a bundle folder is read to
// tell a translation array from code.
const phpSniffBytes = 16 << 10

// phpCodeRe finds a declaration of code: a namespace, class, interface,
// trait or enum (src/Language/Detector.php).
var phpCodeRe = regexp.MustCompile(`(?m)^[ \t]*(?:namespace[ \t]+[A-Za-z_\\]|(?:(?:abstract|final|readonly)[ \t]+)*(?:class|interface|trait|enum)[ \t]+[A-Za-z_])`)

// phpStringAssignRe finds a string assigned to an array key, the shape of
// translation files ($_['text_subject'] = '…'; $strings['FirstName'] =
// 'Prénom'; in LibreBooking's class).
var phpStringAssignRe = regexp.MustCompile(`(?m)^[ \t]*\$\w+(?:[ \t]*\[[ \t]*['"][^'"\n]*['"][ \t]*\])+[ \t]*=[ \t]*['"]`)

// phpTranslationFile reports whether a .php file in a bundle folder is a
// translation array rather than code: it is not a WordPress translation
// cache (x.l10n.php, generated from the .po beside it), and its first
// phpSniffBytes assign strings to array keys or declare no namespace,
// class, interface, trait or enum. A file that cannot be read is taken,
// so that the loader says why.
func phpTranslationFile(p string) bool {
	name := strings.ToLower(filepath.Base(p))
	if strings.HasSuffix(name, ".l10n.php") {
		return false
	}
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return true
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return true
	}
	head := make([]byte, phpSniffBytes)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		return true
	}
	head = head[:n]
	return phpStringAssignRe.Match(head) || !phpCodeRe.Match(head)
}

// androidSniffProlog is how many bytes an Android resource file may hold
// before its root element (XML declaration, licence comment), and
// androidSniffChunk how much of it is read at a time.
const (
	androidSniffProlog = 64 << 10
	androidSniffChunk  = 32 << 10
)

// androidStringElemRe finds an element the Android loader reads: <string>,
// <plurals>, <string-array>, <item type="string">.
var androidStringElemRe = regexp.MustCompile(`<(?:string|plurals|string-array)[\s>/]|<item\s[^<>]*\btype\s*=\s*["']string["']`)

// androidStringResources reports whether the file at p is an Android
// resource file that holds strings: its root element is <resources> and a
// <string>, <plurals>, <string-array> or <item type="string"> follows
// within max_bundle_size bytes (colors.xml, dimens.xml or styles.xml hold
// none). The file is read in chunks, no further than needed. A file that
// cannot be read, is not regular or is UTF-16 is taken, so that the loader
// says why instead of the file being left out silently.
func (c *Config) androidStringResources(p string) bool {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return true
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return true
	}
	r := io.LimitReader(f, c.MaxBundleSizeBytes())
	chunk := make([]byte, androidSniffChunk)
	var buf []byte
	inRoot := false
	for {
		n, err := io.ReadFull(r, chunk)
		buf = append(buf, chunk[:n]...)
		if !inRoot {
			if bytes.HasPrefix(buf, []byte("\xFF\xFE")) || bytes.HasPrefix(buf, []byte("\xFE\xFF")) {
				return true
			}
			name, end, ok := xmlRootName(buf)
			switch {
			case ok && name != "resources":
				return false
			case ok:
				inRoot, buf = true, buf[end:]
			case len(buf) > androidSniffProlog || err != nil:
				return false
			}
		}
		if inRoot {
			if androidStringElemRe.Match(buf) {
				return true
			}
			// Keep a tail: an element may straddle two chunks.
			buf = append(buf[:0], buf[max(0, len(buf)-256):]...)
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return false
		}
		if err != nil {
			return true
		}
	}
}

// xmlRootName returns the name of the root element of the XML document
// that data starts, after a byte order mark, white space, the XML
// declaration, comments and a DOCTYPE, and the offset after the name. ok
// is false when data ends before the name does; name is "" when text
// comes first.
func xmlRootName(data []byte) (name string, end int, ok bool) {
	i := 0
	if bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		i = 3
	}
	for {
		for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
			i++
		}
		rest := data[i:]
		var close string
		switch {
		case len(rest) < 4:
			return "", 0, false
		case rest[0] != '<':
			return "", i, true
		case bytes.HasPrefix(rest, []byte("<?")):
			close = "?>"
		case bytes.HasPrefix(rest, []byte("<!--")):
			close = "-->"
		case rest[1] == '!':
			close = ">"
		default:
			j := 1
			for j < len(rest) && !strings.ContainsRune(" \t\r\n/>", rune(rest[j])) {
				j++
			}
			if j == len(rest) {
				return "", 0, false
			}
			return string(rest[1:j]), i + j, true
		}
		k := bytes.Index(rest, []byte(close))
		if k < 0 {
			return "", 0, false
		}
		i += k + len(close)
	}
}
