package dev.ratbot.app.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

    /**
     * A Telegram token's secret part (its id before the colon is public) and a database password.
     */
    private static final Redactor REDACTOR =
            new Redactor(List.of("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq", "pg-pass_19x", "abc"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "the whole token                        | bot7000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq/getMe | bot7000001:<redacted>/getMe",
                "its first half echoed by a server      | token AAHdqTcvCH1vGWJxf is not allowed                 | token <redacted> is not allowed",
                "its second half                        | ...SeofSAs0K5PALDsawq refused                          | ...<redacted> refused",
                "eight characters from its middle       | got vGWJxfSe back                                      | got <redacted> back",
                "URL-encoded and cut                    | q=AAHdqTcvCH1vG&x=1                                    | q=<redacted>&x=1",
                "two parts on one line                  | AAHdqTcvCH and SAs0K5PALD                              | <redacted> and <redacted>",
                "a password in a JDBC URL               | jdbc:postgresql://db/r?password=pg-pass_19x&ssl=true   | jdbc:postgresql://db/r?password=<redacted>&ssl=true",
                "half the password                      | auth failed for pg-pass_                               | auth failed for <redacted>",
                "seven characters of a secret are kept  | AAHdqTc or 0K5PALD                                     | AAHdqTc or 0K5PALD",
                "the public bot id is kept              | telegram-polling:7000001                               | telegram-polling:7000001",
                "a secret under six characters is kept  | abc123                                                 | abc123",
            })
    void blanksEverySecretAndEveryPartOfEightCharactersOrMore(
            String what, String text, String expected) {
        assertEquals(expected, REDACTOR.redact(text), what);
    }
}
