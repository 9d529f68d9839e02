package lint

// NetworkPolicy is what the command line allows rules that read the
// network. It lives apart from the options a config file sets, so a
// config added in a pull request cannot make a CI run reach the network.
type NetworkPolicy struct {
	// Fetch allows fetching pages over HTTP(S) (check --fetch).
	Fetch bool
	// AllowPrivate also allows loopback, link-local, private and multicast
	// addresses (check --fetch-allow-private).
	AllowPrivate bool
}
