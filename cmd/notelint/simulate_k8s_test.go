package main

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/notelint/notelint/simulate"
)

// k8sJob is the part of a Kubernetes Job manifest the test reads.
type k8sJob struct {
	Kind string `yaml:"kind"`
	Spec struct {
		CompletionMode string `yaml:"completionMode"`
		Completions    int    `yaml:"completions"`
		Template       struct {
			Spec struct {
				InitContainers []k8sContainer `yaml:"initContainers"`
				Containers     []k8sContainer `yaml:"containers"`
			} `yaml:"spec"`
		} `yaml:"template"`
	} `yaml:"spec"`
}

type k8sContainer struct {
	Name  string   `yaml:"name"`
	Image string   `yaml:"image"`
	Args  []string `yaml:"args"`
	Env   []struct {
		Name  string `yaml:"name"`
		Value string `yaml:"value"`
	} `yaml:"env"`
}

func readJob(t *testing.T, path string) k8sJob {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var j k8sJob
	if err := yaml.Unmarshal(data, &j); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if j.Kind != "Job" {
		t.Fatalf("%s: kind %q", path, j.Kind)
	}
	return j
}

// TestK8sManifests: the example Jobs run notelint with flags it has, and
// the Indexed Job's shard count matches its completions.
func TestK8sManifests(t *testing.T) {
	shards := readJob(t, "../../examples/k8s/shards-job.yaml")
	if shards.Spec.CompletionMode != "Indexed" || shards.Spec.Completions < 2 {
		t.Fatalf("shards job: completionMode %q, completions %d", shards.Spec.CompletionMode, shards.Spec.Completions)
	}
	notelintArgs := func(j k8sJob) [][]string {
		var out [][]string
		for _, c := range j.Spec.Template.Spec.InitContainers {
			if strings.Contains(c.Image, "notelint") {
				args := c.Args
				for _, e := range c.Env {
					for i := range args {
						args[i] = strings.ReplaceAll(args[i], "$("+e.Name+")", e.Value)
					}
				}
				out = append(out, args)
			}
		}
		return out
	}
	runs := notelintArgs(shards)
	if len(runs) != 1 {
		t.Fatalf("shards job: %d notelint containers, want 1", len(runs))
	}
	args := runs[0]
	for i := range args {
		args[i] = strings.ReplaceAll(args[i], "$(JOB_COMPLETION_INDEX)", strconv.Itoa(shards.Spec.Completions-1))
	}
	cmd := newSimulateCmd()
	if args[0] != "simulate" {
		t.Fatalf("shards job runs %q", args)
	}
	if err := cmd.ParseFlags(args[1:]); err != nil {
		t.Fatalf("shards job: %v", err)
	}
	sh, err := simulate.ParseShard(cmd.Flag("shard").Value.String())
	if err != nil || sh.Count != shards.Spec.Completions {
		t.Errorf("shards job: --shard %s (%v), completions %d", cmd.Flag("shard").Value, err, shards.Spec.Completions)
	}
	merges := notelintArgs(readJob(t, "../../examples/k8s/merge-job.yaml"))
	if len(merges) == 0 {
		t.Fatal("merge job runs no notelint")
	}
	for _, args := range merges {
		m := newSimulateMergeCmd()
		if len(args) < 2 || args[0] != "simulate" || args[1] != "merge" {
			t.Fatalf("merge job runs %q", args)
		}
		if err := m.ParseFlags(args[2:]); err != nil {
			t.Errorf("merge job: %v", err)
		}
	}
}
