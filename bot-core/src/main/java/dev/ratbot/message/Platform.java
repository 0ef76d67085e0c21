package dev.ratbot.message;

/** The chat platforms Ratbot talks on; CONSOLE is the local `chat` command. */
public enum Platform {
    TELEGRAM,
    DISCORD,
    CONSOLE
}
