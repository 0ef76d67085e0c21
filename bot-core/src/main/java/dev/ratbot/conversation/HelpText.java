package dev.ratbot.conversation;

/** The fixed texts of the conversation: welcome, help and unknown commands. */
final class HelpText {

    private HelpText() {
    }

    static final String COMMANDS = String.join("\n",
            "/ask <question> \u2014 ask about bonding with your rats (in a private chat, just type it)",
            "/topics \u2014 browse the guide's sections",
            "/tip \u2014 a bonding tip, now",
            "/subscribe [HH:MM] [zone] \u2014 a tip every day at your local time (default 09:00 UTC)",
            "/pause, /resume, /unsubscribe \u2014 manage the daily tip",
            "/settings \u2014 your daily-tip settings and next delivery",
            "/help \u2014 this list");

    static Reply welcome() {
        return Reply.text(Reply.Kind.INFO,
                "Hi! I answer questions about bonding with pet rats from the care guide "
                        + "\u201CHow to Bond with Your Rats\u201D. Ask me anything, for example: "
                        + "\u201CHow do I hold my rat?\u201D or \u201CWhat treats are safe?\u201D",
                COMMANDS);
    }

    static Reply help() {
        return Reply.text(Reply.Kind.INFO, "Here is what I can do:", COMMANDS);
    }

    static Reply unknown(String name) {
        return Reply.text(Reply.Kind.ERROR, "I don't know the command /" + name + ". Here is what I can do:", COMMANDS);
    }
}
