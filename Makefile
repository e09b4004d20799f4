# Foundry Desk: `make run` opens the app, `make test` runs everything. Both install what is missing first.
SHELL := /bin/bash
.DEFAULT_GOAL := run

# Debian/Ubuntu packages the build, the keychain tests and the real-window tests need.
APT_PACKAGES := build-essential curl wget file pkg-config libwebkit2gtk-4.1-dev libssl-dev \
  libayatana-appindicator3-dev librsvg2-dev libxdo-dev libgtk-3-dev \
  xvfb xauth webkit2gtk-driver dbus dbus-x11 gnome-keyring libsecret-tools
NODE_MIN_MAJOR := 20
TOOLS := $(CURDIR)/.tools
TAURI_DRIVER := $(TOOLS)/bin/tauri-driver
CARGO_FUZZ := $(TOOLS)/bin/cargo-fuzz
# Seconds each fuzz target runs for in `make fuzz`.
FUZZ_SECONDS ?= 60
# The app is always built with its production front end embedded (ui/dist), in tests too, so that every
# cargo invocation below shares one feature set and one build cache.
APP_FEATURES := --features foundry-desk/custom-protocol
XVFB := xvfb-run -a -s "-screen 0 1280x800x24"

.PHONY: run test deps ui-deps ui-build app tools lint test-rust test-ui e2e bindings bench fuzz deb clean

run: deps ui-build  ## Build and open the app
	cargo run -p foundry-desk $(APP_FEATURES)

test: deps ui-deps tools $(CARGO_FUZZ)  ## Everything CI runs
	$(MAKE) lint
	$(MAKE) test-ui
	$(MAKE) test-rust
	$(MAKE) fuzz FUZZ_SECONDS=30
	$(MAKE) e2e

deps:  ## Install the system packages that are missing (as root or with sudo), else say which
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages: $$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif sudo -n true 2>/dev/null; then SUDO=sudo; else \
	    echo "These packages are missing; install them and run make again:"; \
	    echo "  sudo apt-get install -y --no-install-recommends $$missing"; exit 1; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@command -v cargo >/dev/null || { echo "Rust is missing: install it from https://rustup.rs and run make again"; exit 1; }
	@major=$$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0); \
	[ "$$major" -ge $(NODE_MIN_MAJOR) ] || { echo "Node.js $(NODE_MIN_MAJOR) or newer is needed (found: $$(node --version 2>/dev/null || echo none))"; exit 1; }

ui-deps: ui/node_modules/.package-lock.json
ui/node_modules/.package-lock.json: ui/package-lock.json ui/package.json
	cd ui && npm ci --no-audit --no-fund
	@touch $@

ui-build: ui-deps  ## The production front end, embedded into the app
	cd ui && npm run build

app: ui-build  ## The app binary the end-to-end tests drive
	cargo build -p foundry-desk $(APP_FEATURES)

tools: $(TAURI_DRIVER)
$(TAURI_DRIVER):
	cargo install tauri-driver --version '^2' --locked --root $(TOOLS)

lint: ui-build
	cargo fmt --all --check
	cargo fmt --manifest-path fuzz/Cargo.toml --check
	@# The layering DESIGN.md promises: no tauri below the shell; client and simulator never share code.
	@if cargo tree -p foundry-desk-core -p foundry-azure -p foundry-sim -e normal,build --prefix none | grep -q '^tauri '; then \
	  echo "tauri is in the dependency tree of core, azure or sim"; exit 1; fi
	@if cargo tree -p foundry-sim -e normal --prefix none | grep -q '^foundry-azure '; then \
	  echo "the simulator depends on the Azure client"; exit 1; fi
	@if cargo tree -p foundry-azure -e normal --prefix none | grep -q '^foundry-sim '; then \
	  echo "the Azure client depends on the simulator"; exit 1; fi
	cargo clippy --workspace --all-targets $(APP_FEATURES) -- -D warnings

test-ui: ui-deps
	cd ui && npm run typecheck && npm test

# Keychain tests write real secrets: they run inside a private, unlocked gnome-keyring.
test-rust: ui-build
	scripts/with-keyring cargo test --workspace --exclude foundry-desk-e2e $(APP_FEATURES)

e2e: app tools  ## The real app in a real window (Xvfb), one journey per file
	rm -rf target/e2e-shots
	TAURI_DRIVER=$(TAURI_DRIVER) $(XVFB) cargo test -p foundry-desk-e2e -- --test-threads=1

bindings:  ## Regenerate ui/src/bindings.ts from the Rust commands
	FDESK_WRITE_BINDINGS=1 cargo test -p foundry-desk bindings

# Both release binaries are built by the Tauri CLI, as shipped; built the same way, they share one build cache.
bench: deps tools deb  ## Startup, memory, package size, table and search at region scale, playground, usage charts, ARM fan-out, chat streaming
	cd tests/baseline && ../../ui/node_modules/.bin/tauri build --no-bundle
	rm -f target/bench/results.json
	TAURI_DRIVER=$(TAURI_DRIVER) $(XVFB) cargo run --release -p foundry-desk-e2e --bin bench
	TAURI_DRIVER=$(TAURI_DRIVER) $(XVFB) cargo run --release -p foundry-desk-e2e --bin ui_bench
	TAURI_DRIVER=$(TAURI_DRIVER) $(XVFB) cargo run --release -p foundry-desk-e2e --bin playground_bench
	TAURI_DRIVER=$(TAURI_DRIVER) $(XVFB) cargo run --release -p foundry-desk-e2e --bin usage_bench
	cargo run --release -p foundry-desk-e2e --bin arm_fanout
	cargo build --release -p foundry-desk-core --bin fdesk
	cargo run --release -p foundry-desk-e2e --bin inference_bench

# cargo-fuzz needs nightly flags (-Zsanitizer); RUSTC_BOOTSTRAP lets the stable toolchain take them, so no
# second toolchain has to be installed.
fuzz: $(CARGO_FUZZ)  ## Fuzz the ARM error, LRO and answer-stream decoders, FUZZ_SECONDS each; fails on any panic
	@set -o pipefail; for target in arm_error lro_decode sse_stream; do \
	  mkdir -p target/fuzz-corpus/$$target; \
	  echo "Fuzzing $$target for $(FUZZ_SECONDS) s"; \
	  (cd fuzz && PATH=$(TOOLS)/bin:$$PATH RUSTC_BOOTSTRAP=1 cargo fuzz run $$target ../target/fuzz-corpus/$$target seeds/$$target \
	    -- -dict=azure.dict -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 2>&1 | grep -E '^(Done|stat::number_of_executed_units|==|SUMMARY)|panicked') \
	    || { echo "$$target found a crash: see fuzz/artifacts/$$target"; exit 1; }; \
	done
$(CARGO_FUZZ):
	cargo install cargo-fuzz --version '^0.13' --locked --root $(TOOLS)

deb: ui-build  ## The .deb package (target/release/bundle/deb)
	cd src-tauri && ../ui/node_modules/.bin/tauri build --bundles deb

clean:
	cargo clean
	rm -rf ui/node_modules ui/dist $(TOOLS)
