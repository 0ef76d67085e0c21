package dev.ratbot.inbox;

class InMemoryUpdateInboxTest extends UpdateInboxContract {
    @Override
    protected UpdateInbox inbox() {
        return new InMemoryUpdateInbox(clock);
    }
}
