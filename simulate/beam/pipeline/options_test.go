package pipeline

import (
	"bytes"
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/report"
)

// cliRun is what notelint simulate prints for cfg (--contacts, --customer,
// --fail-on as in cfg): the output, the crossed thresholds and the error.
func cliRun(t *testing.T, cfg *Config) ([]byte, []simulate.Crossed, error) {
	t.Helper()
	pol, err := cfg.check()
	if err != nil {
		t.Fatal(err)
	}
	ths, err := simulate.ParseFailOn(cfg.FailOn)
	if err != nil {
		t.Fatal(err)
	}
	opts := simulate.Options{Inputs: cfg.listed(), Contacts: cfg.Contacts, Policy: pol, Templates: cfg.Templates, Strict: cfg.Strict, Mode: cfg.Mode}
	var buf bytes.Buffer
	var r *simulate.Report
	if cfg.Customer != "" {
		var x *simulate.Explanation
		if x, r, err = simulate.Explain(opts, cfg.Customer); err != nil {
			return nil, nil, err
		}
		err = report.WriteExplanation(&buf, x, cfg.Format)
	} else {
		if r, err = simulate.Run(opts); err != nil {
			return nil, nil, err
		}
		err = report.Write(&buf, r, cfg.Format)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), r.Check(ths), nil
}

// TestPrismContactsCustomerFailOn runs the pipeline on Prism with
// --contacts, --customer and --fail-on: the output, the thresholds crossed
// and the errors are notelint simulate's.
func TestPrismContactsCustomerFailOn(t *testing.T) {
	contacts := filepath.Join(examples, "contacts.csv")
	badContacts := writeFile(t, t.TempDir(), "bad-contacts.csv", "customer_id,entity_id,timestamp,channel,reason\n"+
		"C0209,A40261,2026-03-05 08:41:00,phone,where is it\n"+
		",A1,2026-03-05 08:41:00,chat,no customer\n"+
		"C0172,A40214,yesterday,chat,bad time\n"+
		"C0001,too,few\n"+
		"C0001,A1,2026-03-06 10:00:00,mail,\"unterminated\n")
	for _, c := range []struct {
		name     string
		contacts bool
		bad      bool // and a contact file with bad rows
		customer string
		failOn   string
		format   string
	}{
		{name: "contacts html, thresholds crossed", contacts: true, failOn: "contact_lift>1,p99>2,as_is.burst>=0,mean<0", format: "html"},
		{name: "contacts json, nothing crossed", contacts: true, failOn: "p99>100", format: "json"},
		{name: "contacts with bad rows", contacts: true, bad: true, format: "json"},
		{name: "customer with contacts", contacts: true, customer: "C0209", failOn: "p99>2", format: "text"},
		{name: "customer json", customer: "C0001", format: "json"},
		{name: "unknown customer", customer: "NOPE", failOn: "p99>2", format: "text"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := examplesConfig(t, 5)
			if c.contacts {
				cfg.Contacts = []string{contacts}
			}
			if c.bad {
				cfg.Contacts = append(cfg.Contacts, badContacts)
			}
			cfg.Customer, cfg.FailOn, cfg.Format = c.customer, c.failOn, c.format
			want, wantCrossed, wantErr := cliRun(t, cfg)
			got, res, err := runPrismResult(t, *cfg)
			if err != nil {
				t.Fatalf("prism: %v", err)
			}
			crossed, err := Verdict(res, *cfg)
			if wantErr != nil {
				if err == nil || err.Error() != wantErr.Error() || !errors.Is(err, simulate.ErrUnknownCustomer) || got != nil {
					t.Errorf("got %v (output %d bytes)\nwant %v", err, len(got), wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("the pipeline's output differs from notelint simulate's:\n got %.2000s\nwant %.2000s", got, want)
			}
			if !slices.Equal(crossed, wantCrossed) {
				t.Errorf("crossed %v, want %v", crossed, wantCrossed)
			}
			if c.failOn != "" && c.failOn != "p99>100" && len(crossed) == 0 {
				t.Error("no threshold crossed: the test checks nothing")
			}
		})
	}
}

// TestVerdictWithoutMetrics: a run whose runner reported nothing has no
// verdict; without --fail-on and --customer none is needed.
func TestVerdictWithoutMetrics(t *testing.T) {
	if _, err := Verdict(nil, Config{FailOn: "p99>1"}); err == nil {
		t.Error("a verdict without metrics")
	}
	if c, err := Verdict(nil, Config{}); err != nil || c != nil {
		t.Errorf("%v %v", c, err)
	}
}
