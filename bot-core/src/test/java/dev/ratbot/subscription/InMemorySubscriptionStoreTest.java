package dev.ratbot.subscription;

class InMemorySubscriptionStoreTest extends SubscriptionStoreContract {
    @Override
    protected SubscriptionStore store() {
        return new InMemorySubscriptionStore();
    }
}
