package dev.ratbot.app.http;

import dev.ratbot.app.config.Setting;
import java.util.Objects;

/**
 * Where one {@link Site} listens, and the settings that said so (named when the address cannot be
 * had).
 *
 * @param port 0 picks a free one
 */
public record Listener(
        Site site, String bind, int port, Setting bindSetting, Setting portSetting, Limits limits) {

    public Listener {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(bindSetting, "bindSetting");
        Objects.requireNonNull(portSetting, "portSetting");
        Objects.requireNonNull(limits, "limits");
    }

    public Listener withLimits(Limits l) {
        return new Listener(site, bind, port, bindSetting, portSetting, l);
    }
}
