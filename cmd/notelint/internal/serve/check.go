package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"time"

	"github.com/notelint/notelint/cmd/notelint/internal/smsjson"
	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/output"
)

type checkRequest struct {
	Path string `json:"path"`
	Text string `json:"text"`
}

// checkResponse is the answer of POST /api/check.
type checkResponse struct {
	// Findings are the objects of check --format json.
	Findings []json.RawMessage `json:"findings"`
	// SMS is the object of sms --json for the worst case of the first SMS
	// message of the file; null when it holds none.
	SMS *smsjson.Object `json:"sms"`
	// Template is the scope of the first message of the file.
	Template *scopeJSON `json:"template"`
	// Messages are every message of the file with its previews.
	Messages []messageJSON `json:"messages"`
	// Problem is why the text could not be read as a template (then
	// there are no findings).
	Problem string `json:"problem,omitempty"`
	// Millis is how long the check took.
	Millis float64 `json:"ms"`
}

func (s *Server) handleCheck(r *http.Request) (any, error) {
	cfg, all, err := s.config()
	if err != nil {
		return nil, err
	}
	var req checkRequest
	if err := decodeBody(r, &req, bodyCap(cfg)); err != nil {
		return nil, err
	}
	// A text over the size cap is not refused here: the engine answers it
	// with a problem naming the cap and the config key that raises it.
	tg, err := s.resolve(req.Path, cfg)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	resp := checkResponse{Findings: []json.RawMessage{}, Messages: []messageJSON{}}
	ts, err := lint.LoadTemplates(tg.load, []byte(req.Text), cfg)
	if err != nil {
		var ie *load.InputError
		if !errors.As(err, &ie) {
			return nil, errorf(http.StatusUnprocessableEntity, "%v", err)
		}
		switch {
		case ie.Line > 0 && ie.Column > 0:
			resp.Problem = fmt.Sprintf("line %d, column %d: %v", ie.Line, ie.Column, ie.Err)
		case ie.Line > 0:
			resp.Problem = fmt.Sprintf("line %d: %v", ie.Line, ie.Err)
		default:
			resp.Problem = ie.Err.Error()
		}
		resp.Millis = ms(time.Since(start))
		return resp, nil
	}
	runner := &lint.Runner{Rules: all, Config: cfg, Context: r.Context()}
	findings, errs := runner.CheckTemplates(ts)
	if len(errs) > 0 {
		return nil, errorf(http.StatusInternalServerError, "checking %s: %v", tg.rel, errors.Join(errs...))
	}
	if resp.Findings, err = output.JSONFindings(findings); err != nil {
		return nil, err
	}
	for _, t := range ts {
		m := buildMessage(t, cfg, all, findings, tg.load)
		if resp.SMS == nil && m.SMS != nil {
			w := m.SMS.Worst
			resp.SMS = &w
		}
		resp.Messages = append(resp.Messages, m)
	}
	if len(resp.Messages) > 0 {
		sc := resp.Messages[0].Scope
		resp.Template = &sc
	}
	resp.Millis = ms(time.Since(start))
	return resp, nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// Warm loads the config and checks a short text once, so the language data
// is loaded before the author's first keystroke rather than during it.
func (s *Server) Warm() {
	cfg, all, err := s.config()
	if err != nil {
		return
	}
	ts, err := lint.LoadTemplates(filepath.Join(s.opt.Root, "sms", "en", "warm-up.txt"), []byte("Your parcel arrives today."), cfg)
	if err != nil {
		return
	}
	_, _ = (&lint.Runner{Rules: all, Config: cfg}).CheckTemplates(ts) // only to load the data
}
