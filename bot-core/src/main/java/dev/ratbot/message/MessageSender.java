package dev.ratbot.message;

/**
 * The port through which core sends messages it was not asked for (daily tips). An adapter
 * implements it for its platform: it renders the reply, sends it, and classifies the outcome. It
 * never throws for a platform answer; unexpected exceptions are treated by callers as {@link
 * SendResult.Transient}.
 */
public interface MessageSender {

    Platform platform();

    PlatformLimits limits();

    SendResult send(Address to, Reply reply);
}
