package dev.ratbot.message;

import java.time.Duration;

/**
 * The limits an adapter declares so that core can split and pace for it.
 *
 * @param maxMessageChars the longest text one message may carry
 * @param overallPerSecond messages per second across all chats
 * @param perChat at most one message per this interval to one chat
 * @param perGroupPerMinute messages per minute to one group chat or channel
 */
public record PlatformLimits(
        int maxMessageChars, int overallPerSecond, Duration perChat, int perGroupPerMinute) {}
