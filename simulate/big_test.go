package simulate

import (
	"os"
	"runtime"
	"testing"
	"time"
)

// sampleHeap records the peak heap while a big replay runs.
func sampleHeap(t *testing.T) func() {
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var peakAlloc, peakSys uint64
		for {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			peakAlloc, peakSys = max(peakAlloc, ms.HeapAlloc), max(peakSys, ms.HeapSys)
			select {
			case <-stop:
				t.Logf("peak heap alloc %d MB, heap sys %d MB, GC cycles %d", peakAlloc>>20, peakSys>>20, ms.NumGC)
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	}()
	return func() { close(stop); <-done }
}

// TestBigFile replays the file named by NOTELINT_SIM_BIG (for profiling:
// go test -run TestBigFile -cpuprofile cpu.out ./simulate with
// NOTELINT_SIM_BIG=/tmp/ev.csv NOTELINT_SIM_POLICY=policy.toml).
func TestBigFile(t *testing.T) {
	path, pol := os.Getenv("NOTELINT_SIM_BIG"), os.Getenv("NOTELINT_SIM_POLICY")
	if path == "" || pol == "" {
		t.Skip("set NOTELINT_SIM_BIG and NOTELINT_SIM_POLICY to replay a large file")
	}
	p, err := LoadPolicy(pol)
	if err != nil {
		t.Fatal(err)
	}
	defer sampleHeap(t)()
	r, err := Run(Options{Inputs: []string{path}, Policy: p})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d events, %d customers, replay %s", r.Events, r.Customers, r.Replay)
}

func TestBigFileBuffered(t *testing.T) {
	path, pol := os.Getenv("NOTELINT_SIM_BIG"), os.Getenv("NOTELINT_SIM_POLICY")
	if path == "" || pol == "" {
		t.Skip("set NOTELINT_SIM_BIG and NOTELINT_SIM_POLICY to replay a large file")
	}
	p, err := LoadPolicy(pol)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(Options{Inputs: []string{path}, Policy: p, Mode: ModeBuffered})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d events, %d customers, replay %s", r.Events, r.Customers, r.Replay)
}
