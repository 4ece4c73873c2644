# Switchboard: `make run` starts the server, `make test` runs every test.
# Both find a JDK 21+ by themselves: $JAVA_HOME if it is one, else the newest under /usr/lib/jvm.
SHELL := /bin/bash
.DEFAULT_GOAL := help

JDK := $(shell bash .mvn/find-jdk.sh)
MVN := JAVA_HOME="$(JDK)" ./mvnw -B -ntp
JAR := frontend/target/switchboard.jar

.PHONY: help jdk build run test bench bench-server bench-editor frontend-bundle clean

help:
	@echo "make run    build what is missing and start the server on http://localhost:8080"
	@echo "make test   run every test"
	@echo "make bench  run the engine benchmark (items/s, peak heap, expression evaluations/s)"
	@echo "make bench-server  run the server benchmark (webhook runs/s, p50/p99 latency, resident memory)"
	@echo "make bench-editor  time the editor drawing a 200-node workflow in headless Chromium (needs chromium, chromium-driver)"
	@echo "make build  build frontend/target/switchboard.jar without running tests"
	@echo "make frontend-bundle  rebuild the committed browser bundle after changing frontend/src/main/frontend (installs Node 24 from npm)"

jdk:
	@if [ -z "$(JDK)" ]; then \
	  echo "error: no JDK 21 or newer found. Set JAVA_HOME to one, or install one under /usr/lib/jvm" >&2; \
	  echo "       (for example: apt-get install temurin-25-jdk, or openjdk-21-jdk)." >&2; exit 1; fi
	@echo "using JDK $(JDK)"

SOURCES := $(shell find pom.xml */pom.xml */src/main -type f 2>/dev/null)

$(JAR): $(SOURCES) | jdk
	$(MVN) -q -Dmaven.test.skip=true install

build: $(JAR)

run: $(JAR) | jdk
	"$(JDK)/bin/java" -jar $(JAR)

test: jdk
	$(MVN) install

bench: $(JAR) | jdk
	"$(JDK)/bin/java" -Xmx256m -XX:+UseSerialGC -Dpolyglot.engine.WarnInterpreterOnly=false -jar $(JAR) bench

bench-server: $(JAR) | jdk
	"$(JDK)/bin/java" -Xmx128m -jar $(JAR) bench-server

bench-editor: $(JAR) | jdk
	$(MVN) -o -pl frontend failsafe:integration-test -Dit.test=EditorRenderBenchmarkIT -Dsurefire.failIfNoSpecifiedTests=false \
	  | grep -E "EDITOR-BENCH|Tests run:|FAIL"

frontend-bundle: jdk
	bash .mvn/frontend-bundle.sh

clean: jdk
	$(MVN) -q clean
