package dev.ratbot.app.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The operator's configuration reference lists every setting the bot reads, with its default. */
class OperationsDocTest {

    @Test
    void everySettingIsDocumentedWithItsDefault() throws IOException {
        String doc = Files.readString(Path.of("..", "README.md"));
        for (Setting s : Setting.values()) {
            String row = "| `" + s.name() + "`" + (s.secret() ? " \uD83D\uDD12" : "") + " | ";
            assertTrue(doc.contains(row), "README.md has no row for " + s.name());
            s.defaultValue()
                    .ifPresent(
                            d ->
                                    assertTrue(
                                            doc.contains(row + "`" + d + "`"),
                                            s.name() + " default " + d + " not documented"));
        }
    }
}
