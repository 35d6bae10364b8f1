#!/usr/bin/env bash
# Run an Apache Jena command from Debian's libapache-jena-java (4.5):
#   scripts/jena.sh riotcmd.riot --validate data/article.trig
#   scripts/jena.sh arq.sparql --data data/article.trig --query queries/01-musk-companies.rq
#
# Two Debian packaging quirks are worked around here:
# - `-cp '/usr/share/java/*'` puts log4j-over-slf4j beside slf4j-log4j12 and
#   Jena dies at start-up, so the class path lists Jena's jars and their
#   dependencies only, with the no-op SLF4J binding;
# - Debian's jena-core moves Jena's bundled Xerces to the package `xerces`
#   but leaves its message files under org/apache/jena/ext/xerces, so every
#   XSD datatype fails with "internal error"; the files are copied to where
#   the classes look for them.
set -euo pipefail
dpkg -s libapache-jena-java >/dev/null 2>&1 || { echo "jena.sh: apt-get install libapache-jena-java" >&2; exit 2; }
fix="${TMPDIR:-/tmp}/quiver-jena-fix"
if [ ! -d "$fix/xerces" ]; then
  mkdir -p "$fix.tmp.$$"
  (cd "$fix.tmp.$$" && unzip -q -o /usr/share/java/jena-core.jar 'org/apache/jena/ext/xerces/*.properties' \
     && mkdir -p xerces && cp -r org/apache/jena/ext/xerces/* xerces/)
  rm -rf "$fix" && mv "$fix.tmp.$$" "$fix"
fi
cp="$fix"
for pkg in libapache-jena-java libcommons-cli-java libcommons-codec-java libcommons-compress-java \
           libcommons-csv-java libcommons-io-java libcommons-lang3-java libdexx-java libgoogle-gson-java \
           libguava-java libhttpclient-java libhttpcore-java libcommons-logging-java libjackson2-core-java \
           libjackson2-databind-java libjackson2-annotations-java libjsonld-java libjsonp2-java \
           libprotobuf-java libthrift-java libtitanium-json-ld-java libcaffeine-java; do
  for jar in $(dpkg -L "$pkg" 2>/dev/null | grep -E '^/usr/share/java/[^/]+\.jar$' | grep -vE -- '-[0-9][^/]*\.jar$'); do
    cp="$cp:$jar"
  done
done
cp="$cp:/usr/share/java/slf4j-api.jar:/usr/share/java/slf4j-nop.jar"
exec java -Xmx${JENA_HEAP:-512m} -XX:ActiveProcessorCount=${JENA_CPUS:-1} -cp "$cp" "$@"
