# Sourced by ./ratbot and scripts/bench-ask, from the project's root, after find-jdk.sh: builds
# bot-app/target/ratbot.jar (and, on JDK 25+, its ahead-of-time cache) when it is missing or any source is newer.
jar=bot-app/target/ratbot.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml */pom.xml */src/main -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "ratbot: building $jar (first run takes a minute or two)..." >&2
  mvn -q -B -DskipTests package >&2
fi
