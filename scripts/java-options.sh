# Sourced by ./ratbot and scripts/bench-ask, from the project's root: the JVM options the bot runs with, in the
# array RATBOT_JAVA_OPTIONS. The serial collector: the bot answers on few threads from a heap of tens of
# megabytes, and G1's young generation alone takes a -Xmx160m process past 300 MB resident. The build's
# ahead-of-time cache (bot-app/pom.xml, JDK 25+) when it is not older than the jar; the JVM ignores one recorded
# from another jar or JDK, and its message about that is kept quiet.
RATBOT_JAVA_OPTIONS=(-XX:+UseSerialGC)
if [ -f bot-app/target/ratbot.aot ] && ! [ bot-app/target/ratbot.jar -nt bot-app/target/ratbot.aot ]; then
  RATBOT_JAVA_OPTIONS+=("-XX:AOTCache=bot-app/target/ratbot.aot" "-Xlog:aot*=off")
fi
