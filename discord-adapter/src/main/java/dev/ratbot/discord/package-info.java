/**
 * Ratbot on Discord, on Discord4J 3.3.
 *
 * <p>Entry point for the app: {@link dev.ratbot.discord.DiscordAdapter}, configured by {@link
 * dev.ratbot.discord.DiscordSettings} (plain values; the launcher reads and checks the settings):
 *
 * <pre>{@code
 * DiscordSettings settings = DiscordSettings.of(token, URI.create("https://discord.com/api/v10"));
 * DiscordAdapter discord = new DiscordAdapter(settings, conversation, answerEngine, subscriptionStore);
 * discord.start();                        // registers slash commands, connects this instance's shards
 * MessageSender tips = discord.sender();   // daily tips over REST, usable on every instance
 * boolean ready = discord.connected();     // for /readyz
 * discord.close();                         // on shutdown
 * }</pre>
 *
 * <p>Inside: {@code SlashCommands} (what is registered), {@code InteractionHandler} and {@code
 * MessageHandler} (Discord events to core commands), {@code InteractionResponder} (the 3-second
 * deadline), {@code ReplyRenderer} and {@code DiscordText} (core replies to embeds, content and
 * buttons within Discord's limits, markdown escaped), {@code DiscordMessageSender} with {@code
 * SendFailures} and {@code RateLimitProbe} (send outcomes).
 */
package dev.ratbot.discord;
