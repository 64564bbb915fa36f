# Entry points named in the README. Every target installs what it needs first.
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: setup build demo test bench clean

setup:
	bash scripts/setup.sh

build: setup
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	ninja -C $(BUILD) -j $(JOBS)

# The main job: render the sample chart with the template engine.
demo: build
	$(BUILD)/spark-constructor template demo tests/charts/webapp

# Every test: unit tables, golden files, the differential suite against Go's text/template.
test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

bench: build
	bash bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD)
