#!/usr/bin/env bash
# Prints the home of a JDK 21 or newer: $JAVA_HOME when it is one, else the newest under /usr/lib/jvm.
# Prints nothing when there is none.
version_of() {
  local v
  v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  echo "${v:-0}"
}
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(version_of "$JAVA_HOME")" -ge 21 ]; then
  echo "$JAVA_HOME"; exit 0
fi
best=""; best_v=0
for home in /usr/lib/jvm/*/; do
  home=${home%/}
  [ -x "$home/bin/javac" ] || continue
  v=$(version_of "$home")
  if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best=$home; best_v=$v; fi
done
echo "$best"
