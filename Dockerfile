# Ratbot: build the shaded jar with Maven on a JDK, run it on a JRE as an unprivileged user.
#   docker build -t ratbot .
#   docker run --rm -e TELEGRAM_BOT_TOKEN -v ratbot-data:/app/data -p 127.0.0.1:8080:8080 ratbot
# See the README for every setting.

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
# The cache mount keeps downloaded dependencies between builds (BuildKit, the default builder).
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package

FROM eclipse-temurin:21-jre
RUN groupadd --system ratbot \
 && useradd --system --gid ratbot --home-dir /app --no-create-home --shell /usr/sbin/nologin ratbot \
 && mkdir -p /app/data \
 && chown ratbot:ratbot /app/data
WORKDIR /app
COPY --from=build /src/bot-app/target/ratbot.jar /app/ratbot.jar
USER ratbot
# The embedded SQLite store lives here unless RATBOT_DB_URL points at PostgreSQL.
VOLUME /app/data
# Inside a container the operations endpoint must listen beyond loopback to be reachable at all;
# publish it only to trusted networks (e.g. -p 127.0.0.1:8080:8080).
ENV RATBOT_OPS_BIND=0.0.0.0
# 8080: /healthz, /readyz, /metrics. 8443: the Telegram webhook endpoint (webhook mode only). 8081: the operator
# console, only with RATBOT_CONSOLE_PASSWORD set (then also set RATBOT_CONSOLE_BIND=0.0.0.0 and publish it as
# -p 127.0.0.1:8081:8081).
EXPOSE 8080 8081 8443
# Exec form: java is PID 1 and gets SIGTERM itself, so shutdown is graceful.
ENTRYPOINT ["java", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/ratbot.jar"]
CMD ["serve"]
