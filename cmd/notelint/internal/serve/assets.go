package serve

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
)

// assets holds the page, its script and its style: nothing is loaded
// from the network.
//
//go:embed assets
var assets embed.FS

var indexTemplate = template.Must(template.ParseFS(assets, "assets/index.html"))

func assetHandler() http.Handler {
	sub, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return http.StripPrefix("/assets/", http.FileServer(http.FS(sub)))
}

// handleIndex serves the page with the session token in it; another site
// cannot read it (same-origin policy), so it cannot learn the token.
func (s *Server) handleIndex(w http.ResponseWriter, _ *http.Request) {
	var buf bytes.Buffer
	if err := indexTemplate.Execute(&buf, map[string]string{"Token": s.opt.Token, "Root": s.opt.Root, "Version": s.opt.Version}); err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}
