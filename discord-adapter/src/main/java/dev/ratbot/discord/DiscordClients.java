package dev.ratbot.discord;

import discord4j.common.ReactorResources;
import discord4j.core.DiscordClient;
import discord4j.core.DiscordClientBuilder;
import discord4j.rest.request.BucketGlobalRateLimiter;
import discord4j.rest.request.RouterOptions;
import java.time.Duration;

/**
 * Builds the Discord4J client for the configured API address: no mentions allowed by default, no
 * redirects followed, at most the configured number of REST requests a second.
 */
final class DiscordClients {

    private DiscordClients() {}

    static DiscordClient create(DiscordSettings settings) {
        String baseUrl = settings.apiUrl().toString();
        ReactorResources resources =
                ReactorResources.builder()
                        .httpClient(
                                ReactorResources.DEFAULT_HTTP_CLIENT
                                        .get()
                                        // Discord4J's default follows redirects, which would repeat
                                        // a request and its token elsewhere.
                                        .followRedirect(false)
                                        .doOnResponse(
                                                (response, connection) ->
                                                        RateLimitProbe.observe(response)))
                        .build();
        return DiscordClientBuilder.create(settings.token())
                .setReactorResources(resources)
                // Discord4J's own default, with the configured number instead of its fixed 50.
                .setGlobalRateLimiter(
                        BucketGlobalRateLimiter.create(
                                settings.maxRestRequestsPerSecond(),
                                Duration.ofSeconds(1),
                                resources.getTimerTaskScheduler()))
                // Discord4J has no setter for the REST address; RouterOptions' last argument is it.
                .setExtraOptions(
                        o ->
                                new RouterOptions(
                                        o.getToken(),
                                        o.getReactorResources(),
                                        o.getExchangeStrategies(),
                                        o.getResponseTransformers(),
                                        o.getGlobalRateLimiter(),
                                        o.getRequestQueueFactory(),
                                        baseUrl))
                // After setExtraOptions, which returns a new builder that forgets allowed mentions
                // set before it.
                .setDefaultAllowedMentions(DiscordMessage.NO_MENTIONS)
                .build();
    }
}
