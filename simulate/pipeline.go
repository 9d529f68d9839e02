package simulate

import (
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"math"
	"sync"
)

// pipelineOut is what one pass over the inputs produces.
type pipelineOut struct {
	shards   []*shard
	bad      []BadRow
	badCount int64
	notes    []string // from the readers (XES attribute fallbacks); written by the reader goroutine before it closes jobs
}

// runPipeline reads, parses and replays the inputs:
//
//	reader (cuts chunks on record boundaries)
//	  -> parsers (fields, timestamps; route each event to its customer's shard)
//	  -> sequencer (restores input order)
//	  -> shards (replay; one goroutine each, sharing nothing)
func runPipeline(opts *Options, pol *compiled, buffered bool) (*pipelineOut, error) {
	nS := opts.workers()
	nP := max(1, (nS+1)/2) // parsing is the lighter half of the work
	seed := maphash.MakeSeed()
	out := &pipelineOut{shards: make([]*shard, nS)}
	for i := range out.shards {
		out.shards[i] = newShard(pol, seed, buffered, opts.Observer, opts.ObserveCustomers)
		if opts.expireAfter > 0 {
			out.shards[i].expireAfter = opts.expireAfter
		}
		if opts.winSize > 0 {
			out.shards[i].winSize = opts.winSize
		}
		out.shards[i].logCap = maxTrailEvents / nS
		if opts.keepEvents {
			out.shards[i].logCap = math.MaxInt
		}
	}

	stop := make(chan struct{})
	var once sync.Once
	var firstErr error
	fail := func(err error) {
		once.Do(func() {
			firstErr = err
			close(stop)
		})
	}

	pl := &pools{}
	jobs := make(chan *job, nP)
	results := make(chan *result, nP)
	shardCh := make([]chan *batch, nS)
	for i := range shardCh {
		shardCh[i] = make(chan *batch, 2)
	}

	go func() { // reader
		defer close(jobs)
		seq := 0
		for i, name := range opts.Inputs {
			if !readInput(i, name, opts, pol, pl, &seq, jobs, stop, fail, &out.notes) {
				return
			}
		}
	}()

	var pwg sync.WaitGroup
	for i := 0; i < nP; i++ {
		pwg.Add(1)
		go func() { // parser
			defer pwg.Done()
			p := newParser(pl, seed, nS, pol.p.Timezone)
			for j := range jobs {
				res := p.parse(j)
				pl.putChunk(j.data)
				select {
				case results <- res:
				case <-stop:
					return
				}
			}
		}()
	}
	go func() {
		pwg.Wait()
		close(results)
	}()

	go func() { // sequencer
		defer func() {
			for _, ch := range shardCh {
				close(ch)
			}
		}()
		pending := map[int]*result{}
		next := 0
		for res := range results {
			pending[res.seq] = res
			for {
				r, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				if r.badCount > 0 {
					if opts.Strict {
						fail(fmt.Errorf("%s (--strict stops at the first bad row)", r.bad[0]))
						return
					}
					out.badCount += r.badCount
					for _, b := range r.bad {
						if len(out.bad) < maxBadKept {
							out.bad = append(out.bad, b)
						}
					}
				}
				for i, b := range r.batches {
					if len(b.evs) == 0 {
						pl.putBatch(b)
						continue
					}
					select {
					case shardCh[i] <- b:
					case <-stop:
						return
					}
				}
			}
		}
	}()

	var swg sync.WaitGroup
	for i, sh := range out.shards {
		swg.Add(1)
		go func() { // shard
			defer swg.Done()
			for b := range shardCh[i] {
				if err := sh.ingest(b); err != nil {
					fail(err)
					return
				}
				pl.putBatch(b)
			}
			select {
			case <-stop:
			default:
				if err := sh.finish(); err != nil {
					fail(err)
				}
			}
		}()
	}
	swg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	return out, nil
}

// readInput cuts one input into jobs; false when the run must stop.
func readInput(index int, name string, opts *Options, pol *compiled, pl *pools, seq *int, jobs chan<- *job, stop <-chan struct{}, fail func(error), notes *[]string) bool {
	src, ch, closer, err := openSource(name, opts.Stdin, opts.FS, pol.p.Columns)
	if err != nil {
		fail(err)
		return false
	}
	src.index = index
	ch.pools = pl
	defer func() { _ = closer.Close() }()
	for {
		data, line, err := ch.next()
		if errors.Is(err, io.EOF) {
			if ch.xes != nil {
				*notes = append(*notes, ch.xes.notes()...)
			}
			return true
		}
		if err != nil {
			fail(err)
			return false
		}
		select {
		case jobs <- &job{seq: *seq, src: src, data: data, line: line}:
			*seq++
		case <-stop:
			return false
		}
	}
}
