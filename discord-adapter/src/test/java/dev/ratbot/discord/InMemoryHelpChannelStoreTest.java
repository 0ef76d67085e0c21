package dev.ratbot.discord;

class InMemoryHelpChannelStoreTest extends HelpChannelStoreContract {
    @Override
    protected HelpChannelStore store() {
        return new InMemoryHelpChannelStore();
    }
}
