package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/notelint/notelint/cmd/notelint/internal/serve"
	"github.com/notelint/notelint/lint"
)

func newServeCmd() *cobra.Command {
	var addr, configPath string
	var fetch, fetchAny bool
	cmd := &cobra.Command{
		Use:   "serve [PATH]",
		Short: "Edit templates in the browser with a live phone preview and findings",
		Long: `Start a local web app on the templates under PATH (default: the working
directory): a list of templates with their findings, an editor, and a phone
preview that updates as you type — the SMS with its segments and the
characters that force UCS-2, the e-mail as an inbox line and body, the push
as a lock-screen card — with the findings beside it, fixes one click away,
and Save that writes the file back (only inside PATH).

The server listens on 127.0.0.1 only unless --addr says otherwise, and
answers only the page it served.`,
		Example: `  notelint serve examples/
  notelint serve --addr 127.0.0.1:9000 templates/`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			root := "."
			if len(args) == 1 {
				root = args[0]
			}
			load := func(path string) (*lint.Config, []*lint.Rule, error) {
				return loadConfig(configPath, []string{path})
			}
			if _, _, err := load(root); err != nil {
				return usageError(err)
			}
			srv, err := serve.New(serve.Options{Root: root, LoadConfig: load, Fetch: fetch, FetchAllowPrivate: fetchAny, Version: toolVersion()})
			if err != nil {
				return usageError(err)
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return usageError(fmt.Errorf("listening on %s: %w", addr, err))
			}
			stderr := cmd.ErrOrStderr()
			if !serve.IsLoopback(addr) {
				fmt.Fprintf(stderr, "notelint: warning: listening on %s: other machines can reach this server and save files under %s\n", addr, root)
			}
			go srv.Warm()
			url := "http://" + browserAddr(ln.Addr())
			fmt.Fprintf(cmd.OutOrStdout(), "notelint serve: open %s (Ctrl-C stops)\n", url)
			hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
				WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute}
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			go func() {
				<-ctx.Done()
				sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				_ = hs.Shutdown(sctx) // stopping anyway
			}()
			if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return fmt.Errorf("serving: %w", err)
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	fl.StringVar(&configPath, "config", "", "config file to use instead of discovering .notelint.toml")
	fl.BoolVar(&fetch, "fetch", false, "fetch linked landing pages over HTTP(S) (default: offline, local [landing.pages] only)")
	fl.BoolVar(&fetchAny, "fetch-allow-private", false, "with --fetch, also fetch from loopback, link-local, private and multicast addresses (refused by default)")
	return cmd
}

// browserAddr is the address to print for a listener: a wildcard host
// becomes 127.0.0.1.
func browserAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	if tcp.IP == nil || tcp.IP.IsUnspecified() {
		return fmt.Sprintf("127.0.0.1:%d", tcp.Port)
	}
	return tcp.String()
}
