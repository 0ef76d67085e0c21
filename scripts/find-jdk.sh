# Sourced by ./ratbot, ./test and .ci/run: points JAVA_HOME at a JDK 21 or newer.
# Looks where build wrappers look: JAVA_HOME, the java on PATH, then the usual install folders.
# With none found it prints one line and exits 1.

ratbot_java_major() {
  # `java -version` prints e.g. `openjdk version "21.0.4"` or `"1.8.0_402"`.
  local v
  v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  v=${v#1.}
  echo "${v%%[.+-]*}"
}

ratbot_find_jdk() {
  local candidate major
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(ratbot_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! RATBOT_JDK=$(ratbot_find_jdk); then
  echo "ratbot: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm); install one, e.g. 'apt-get install openjdk-21-jdk', or set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME="$RATBOT_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
# Maven's own libraries (Guava, Jansi) use sun.misc.Unsafe, which JDK 24 and newer warn about on every build.
# Only those JDKs know the flag that allows it quietly, so it is set here rather than in .mvn/jvm.config.
if [ "$(ratbot_java_major "$JAVA_HOME")" -ge 24 ] 2>/dev/null; then
  case " ${MAVEN_OPTS:-} " in
    *" --sun-misc-unsafe-memory-access="*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
  esac
fi
