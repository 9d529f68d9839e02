package simulate

import (
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"math"
	"os"
	"sync"
	"sync/atomic"
)

// pipelineOut is what one pass over the inputs produces.
type pipelineOut struct {
	shards []*shard
	// sortedCopy: a partitioned pass of ModeAuto found rows out of time
	// order per customer, so some customers were replayed from a sorted copy.
	sortedCopy bool
	bad        []BadRow
	badCount   int64
	notes      []string // from the readers (XES attribute fallbacks); written by the reader goroutine before it closes jobs
}

// bufferBudget is the most bytes of events (about 24 bytes and the ids
// per event) ModeAuto holds for a partitioned replay; beyond it, it streams.
const bufferBudget = 1 << 30

// errOverBudget stops a partitioned pass that went over bufferBudget.
var errOverBudget = errors.New("simulate: the events do not fit the buffer budget")

// runPipeline replays the inputs. Events are held in memory, by customer
// hash, and replayed partition by partition at the end (partition.go) when
// they fit bufferBudget, or whenever they must be buffered (stdin,
// ModeBuffered, the restart after rows out of order); otherwise, and with
// ModeStream, they are replayed streaming as they come.
func runPipeline(opts *Options, pol *compiled, buffered bool) (*pipelineOut, error) {
	if buffered {
		return runPass(opts, pol, true, 0)
	}
	if opts.Mode == ModeStream || opts.winSize > 0 || opts.expireAfter > 0 || inputBytes(opts) > bufferBudget {
		// The test hooks winSize and expireAfter tune the streaming replay.
		return runPass(opts, pol, false, 0)
	}
	limit := int64(bufferBudget)
	if opts.bufferLimit > 0 {
		limit = opts.bufferLimit
	}
	out, err := runPass(opts, pol, true, limit)
	if errors.Is(err, errOverBudget) {
		return runPass(opts, pol, false, 0)
	}
	if err != nil {
		return nil, err
	}
	for _, s := range out.shards {
		if s.disorder != nil {
			out.sortedCopy = true
		}
	}
	return out, nil
}

// inputBytes returns the total size of the input files (0 for those it
// cannot tell).
func inputBytes(opts *Options) int64 {
	var n int64
	for _, name := range opts.Inputs {
		var fi fs.FileInfo
		var err error
		if opts.FS != nil {
			fi, err = fs.Stat(opts.FS, name)
		} else {
			fi, err = os.Stat(name)
		}
		if err == nil {
			n += fi.Size()
		}
	}
	return n
}

// budget counts the bytes the partitioned shards of a pass hold.
type budget struct {
	limit int64 // 0: none
	used  atomic.Int64
}

// runPass reads, parses and replays the inputs once:
//
//	reader (cuts chunks on record boundaries)
//	  -> parsers (fields, timestamps; route each event to its customer's shard)
//	  -> sequencer (restores input order)
//	  -> shards (replay, or keep by partition; one goroutine each, sharing nothing)
//
// partitioned shards only keep the events until the end of the input, so
// they leave both halves of the machine to the parsers.
func runPass(opts *Options, pol *compiled, partitioned bool, limit int64) (*pipelineOut, error) {
	nS := opts.workers()
	nP := max(1, (nS+1)/2) // parsing is the lighter half of a streaming replay
	if partitioned {
		nP = nS
	}
	seed := maphash.MakeSeed()
	bud := &budget{limit: limit}
	var sym *symbols
	if partitioned {
		sym = newSymbols(seed)
	}
	out := &pipelineOut{shards: make([]*shard, nS)}
	for i := range out.shards {
		out.shards[i] = newShard(pol, seed, false, opts.Observer, opts.ObserveCustomers)
		if partitioned {
			out.shards[i].partition(i, nS, bud, sym)
		}
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
	partCh := make([]chan *partBatch, nS)
	for i := range shardCh {
		shardCh[i] = make(chan *batch, 2)
		partCh[i] = make(chan *partBatch, 4)
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
			if partitioned {
				p.part = newPartParser(sym, nS)
			}
			p.keep = opts.Shard
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
			for i := range shardCh {
				close(shardCh[i])
				close(partCh[i])
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
				for i, pb := range r.parts {
					if pb == nil {
						continue
					}
					select {
					case partCh[i] <- pb:
					case <-stop:
						return
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
			if partitioned {
				for pb := range partCh[i] {
					if err := sh.ingestParts(pb); err != nil {
						fail(err)
						return
					}
				}
			}
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
		if emptyInput(err, notes) {
			return true
		}
		fail(err)
		return false
	}
	src.index = index
	ch.pools = pl
	defer func() { _ = closer.Close() }()
	before := *seq
	for {
		data, line, err := ch.next()
		if errors.Is(err, io.EOF) {
			if ch.xes != nil {
				*notes = append(*notes, ch.xes.notes()...)
			}
			if *seq == before {
				*notes = append(*notes, noRowsNote(name))
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
