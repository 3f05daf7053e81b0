# Sourced by bin/parley and ./mvnw: point JAVA_HOME at a Java 25 or newer.
# Order: JAVA_HOME when it is 25+, then the usual install locations, else a clear error.

parley_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

parley_find_java25() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(parley_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk* \
    /usr/lib/jvm/java-25-openjdk* /usr/lib/jvm/jdk-25* /opt/java/openjdk \
    /usr/lib/jvm/temurin-2[6-9]-jdk* /usr/lib/jvm/java-2[6-9]-openjdk*; do
    if [ -x "$candidate/bin/java" ]; then
      major=$(parley_java_major "$candidate")
      if [ -n "$major" ] && [ "$major" -ge 25 ]; then
        JAVA_HOME="$candidate"
        export JAVA_HOME
        return 0
      fi
    fi
  done
  echo "parley: Java 25 or newer is required; set JAVA_HOME to a JDK 25 (none found in /usr/lib/jvm)." >&2
  return 1
}
