# Entry points named in the README. Every target installs what it needs first.
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: setup build demo test bench charts clean

setup:
	bash scripts/setup.sh

build: setup
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	ninja -C $(BUILD) -j $(JOBS)

# The main job: compose the default preset into out/jupyter-connect-k8s (render validates it
# before writing), validate the written chart (against the Kubernetes 1.31 schema when
# ../shared is here), then render it the way `helm template` would.
SHARED_SCHEMAS := ../shared/k8s-schemas
SCHEMA_FLAGS := $(if $(wildcard $(SHARED_SCHEMAS)/kubernetes/v1.31/swagger.json),--kube-openapi $(SHARED_SCHEMAS)/kubernetes/v1.31/swagger.json $(foreach f,$(sort $(wildcard $(SHARED_SCHEMAS)/crds/*/*.yaml)),--crd $(f)))
demo: build
	$(BUILD)/spark-constructor render --preset jupyter-connect-k8s -o out/jupyter-connect-k8s
	$(BUILD)/spark-constructor validate out/jupyter-connect-k8s $(SCHEMA_FLAGS)
	$(BUILD)/spark-constructor template demo out/jupyter-connect-k8s > out/jupyter-connect-k8s.yaml
	@echo "rendered $$(grep -c '^kind:' out/jupyter-connect-k8s.yaml) objects into out/jupyter-connect-k8s.yaml"

# Every test: unit tables, golden files, the differential suite against Go's text/template.
test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# Regenerate charts/ (a test fails when it is stale).
charts: build
	$(BUILD)/spark-constructor render --all -o charts

bench: build
	bash bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD)
