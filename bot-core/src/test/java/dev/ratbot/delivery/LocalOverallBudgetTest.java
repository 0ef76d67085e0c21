package dev.ratbot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratbot.message.Platform;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalOverallBudgetTest extends OverallBudgetContract {

    @Override
    protected OverallBudget.Source source() {
        return OverallBudget.local();
    }

    @Test
    void twoLocalBudgetsDoNotShare() {
        // What the shared budget exists to fix: two processes with local budgets each get the full
        // rate.
        OverallBudget one = source().budget(Platform.TELEGRAM, 30, clock);
        OverallBudget other = source().budget(Platform.TELEGRAM, 30, clock);
        assertEquals(Optional.empty(), one.tryTake());
        assertEquals(Optional.empty(), other.tryTake());
    }
}
