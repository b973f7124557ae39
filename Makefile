# Serfnode: the README's two commands are `make demo` and `make test`.
SHELL := /bin/bash
MVN ?= mvn
MVN_FLAGS ?= -B
IMAGE ?= serfnode/member:latest
IMAGE_BASE ?=
IMAGE_JRE ?= bundled
IMAGE_AOT ?= 1

.PHONY: all build test demo bench bench-agent bench-ws bench-spawn bench-spawn-console bench-console bench-propagation soak fuzz clean deps image installers

all: build

## build: compile and package every module (no tests)
build:
	$(MVN) $(MVN_FLAGS) -DskipTests package

## test: install what the tests need when missing, then run unit and integration tests
test:
	scripts/install-deps test
	$(MVN) $(MVN_FLAGS) verify

## demo: install serf when missing, build, run the demo cluster and open the console on it (Ctrl+C stops
## everything); `make demo HEADLESS=1` runs the cluster without a window and prints how to connect
demo:
	HEADLESS="$(HEADLESS)" scripts/install-deps demo
	$(MVN) $(MVN_FLAGS) -q -DskipTests package
	bin/serfnode demo $(if $(HEADLESS),--headless,)

## bench: run the JMH benchmarks, the agent start/memory harness, then the WebSocket API harness
## (results go to docs/benchmarks.md by hand)
bench:
	scripts/install-deps demo
	$(MVN) $(MVN_FLAGS) -q -DskipTests package
	bench/run
	bench/agent/run $(BENCH_AGENT_FLAGS)
	bench/ws/run $(BENCH_WS_FLAGS)

## bench-agent: only the agent start/memory harness (about 25 min; BENCH_AGENT_FLAGS="--runs 3" for a quick look)
bench-agent:
	scripts/install-deps demo
	$(MVN) $(MVN_FLAGS) -q -DskipTests package -pl bench -am
	bench/agent/run $(BENCH_AGENT_FLAGS)

## bench-ws: only the WebSocket API harness: latency across 10 members, then fan-out to 20 clients
## (BENCH_WS_FLAGS="fanout --seconds 5" for a quick look)
bench-ws:
	scripts/install-deps demo
	$(MVN) $(MVN_FLAGS) -q -DskipTests package -pl bench -am
	bench/ws/run $(BENCH_WS_FLAGS)

## bench-spawn: spawn latency of a process member, 10 runs (BENCH_SPAWN_FLAGS="--runs 3" for a quick look;
## BENCH_SPAWN_FLAGS="--runtime docker" for member containers of the image `make image` built, --image TAG another)
bench-spawn:
	scripts/install-deps demo
	$(MVN) $(MVN_FLAGS) -q -DskipTests package -pl bench -am
	bench/spawn/run $(BENCH_SPAWN_FLAGS)

## bench-spawn-console: issue 6's spawn from the click: the real console (headless Monocle) on a small cluster of
## real agents, 10 process members by "+1 like this" and 10 Docker members by the Spawn dialog, each timed from
## the click to the pulse that shows it alive; builds the member image first when it is missing (about 5 min;
## BENCH_SPAWN_CONSOLE_FLAGS="--runs 3 --runtimes process" for a quick look; results in bench/console/target/spawn-bench)
bench-spawn-console:
	scripts/install-deps test
	$(MVN) $(MVN_FLAGS) -q -DskipTests package -pl bench/console -am
	@if [[ " $(BENCH_SPAWN_CONSOLE_FLAGS) " != *" --runtimes process "* ]] && ! docker image inspect $(IMAGE) >/dev/null 2>&1; then \
	  $(MAKE) image IMAGE=$(IMAGE); fi
	bench/console/run --bench spawn --image $(IMAGE) $(BENCH_SPAWN_CONSOLE_FLAGS)

## bench-propagation: the event-propagation study, N = 5, 10, 25, 50 serf agents on the LAN and local profiles
## (about 40 min; BENCH_PROPAGATION_FLAGS="--sizes 5,10 --profiles local" for a quick look); see docs/propagation.md
bench-propagation:
	scripts/install-deps demo
	$(MVN) $(MVN_FLAGS) -q -DskipTests package -pl bench -am
	bench/propagation/run $(BENCH_PROPAGATION_FLAGS)

## soak: 10 members under churn for SOAK_MINUTES (default 30): members spawned through the API and killed, children
## crashed, 10 user events/s; checks each supervisor transition reaches a client once; the JavaFX console runs
## connected; memory of agents, serf agents and the console sampled every 10 s
## (bench/target/soak: samples.csv, memory.png, summary.md; SOAK_FLAGS="--help" lists the options)
soak:
	scripts/install-deps demo
	$(MVN) $(MVN_FLAGS) -q -DskipTests package -pl bench,bench/console -am
	set -o pipefail; SOAK_MINUTES=$(or $(SOAK_MINUTES),30) bench/soak/run $(SOAK_FLAGS) 2>&1 | tee bench/target/soak.log

## fuzz: coverage-guided fuzzing of the wire decoder, serfnode.yml loader and FIFO lines (FUZZ_SECONDS per target,
## default 60); findings are saved as regression inputs that `make test` replays
fuzz:
	scripts/fuzz $(FUZZ_SECONDS)

## image: build the member image IMAGE from assets/docker/Dockerfile; IMAGE_BASE=... overrides its base
## (IMAGE_BASE=local: a Debian root made here with debootstrap, no registry needed), IMAGE_JRE=base runs it
## on the base's Java instead of its own runtime, IMAGE_AOT=0 skips training its AOT cache
image:
	scripts/install-deps demo
	$(MVN) $(MVN_FLAGS) -q -DskipTests package -pl agent-bridge -am
	IMAGE="$(IMAGE)" IMAGE_BASE="$(IMAGE_BASE)" IMAGE_JRE="$(IMAGE_JRE)" IMAGE_AOT="$(IMAGE_AOT)" scripts/member-image

## installers: jpackage app-images and .deb packages of the agent and the console, in installers/target/
installers:
	scripts/install-deps installers
	$(MVN) $(MVN_FLAGS) -q -DskipTests package -pl agent-bridge,console-ui -am
	installers/build

## bench-console: the console's benchmarks, headless Monocle: graph rendering, then ingest (a 1,000-member
## snapshot and 20,000 events/s through the agent's WebSocket API) (a few minutes; BENCH_CONSOLE_FLAGS=
## "--bench render --scenario 1000x5 --seconds 5" or "--bench ingest --ingest-seconds 10" for one of them)
bench-console:
	$(MVN) $(MVN_FLAGS) -q -DskipTests package -pl bench/console -am
	bench/console/run $(BENCH_CONSOLE_FLAGS)

deps:
	scripts/install-deps test

clean:
	$(MVN) $(MVN_FLAGS) -q clean
