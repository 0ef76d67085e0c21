package dev.ratbot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ratbot.knowledge.Block;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Operator answers follow the pack's rules, and all entries travel as one pack file. */
class EntryFilesTest {

    @Test
    void anAnswerBecomesTheBlocksThePackWouldMakeOfIt() {
        assertEquals(
                List.of(
                        new Block.Paragraph("A little hard cheese is fine."),
                        new Block.BulletList(
                                "Never give:", List.of("blue cheese", "processed cheese"))),
                EntryFiles.check(
                        "Can rats eat cheese?",
                        "A little **hard** cheese is fine.\n\nNever give:\n- blue cheese\n- processed cheese"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Can rats eat cheese? | ''                          | Write the answer.",
                "''                   | Yes.                        | Give the answer a title: the question it answers.",
                "Can rats eat cheese? | Yes.\\n\\n# More            | The answer cannot contain headings (lines starting with #).",
                "Can rats eat cheese? | Yes.\\n\\n```\\ncode\\n```  | Line 3 of the answer: a fenced code block is not part of the pack format (headings, paragraphs, lists and comments)",
                "# Cheese             | Yes.                        | 'The title cannot start with #, <, - or = or contain {#.'"
            })
    void anAnswerThatBreaksThePackRulesIsRefusedWithWhatToChange(
            String title, String body, String message) {
        var refused =
                assertThrows(
                        EntryFiles.Refused.class,
                        () -> EntryFiles.check(title, body.replace("\\n", "\n")));
        assertEquals(message, refused.getMessage());
    }

    @Test
    void exportThenImportGivesBackEveryEntryWithItsState() {
        List<OperatorEntry> entries =
                List.of(
                        OperatorEntry.answer(
                                1,
                                "Can rats eat cheese?",
                                "A little hard cheese is fine.\n\nNever give:\n- blue cheese",
                                true),
                        OperatorEntry.answer(
                                2,
                                "Do rats need a wheel?",
                                "A solid wheel of 30 cm or more.",
                                false),
                        OperatorEntry.phrasing(
                                3,
                                "how do I trim my rat's nails",
                                "safe-handling-techniques",
                                true));
        String file = EntryFiles.export(entries);
        assertEquals(
                List.of(
                        OperatorEntry.answer(
                                0,
                                "Can rats eat cheese?",
                                "A little hard cheese is fine.\n\nNever give:\n- blue cheese",
                                true),
                        OperatorEntry.answer(
                                0,
                                "Do rats need a wheel?",
                                "A solid wheel of 30 cm or more.",
                                false),
                        OperatorEntry.phrasing(
                                0,
                                "how do I trim my rat's nails",
                                "safe-handling-techniques",
                                true)),
                EntryFiles.read(file));
    }

    @Test
    void aFileWithoutFrontMatterImportsAsTheOperatorsAnswers() {
        assertEquals(
                List.of(
                        OperatorEntry.answer(
                                0,
                                "Do rats need a wheel?",
                                "A solid wheel of 30 cm or more.",
                                true)),
                EntryFiles.read("# Do rats need a wheel?\n\nA solid wheel of 30 cm or more.\n"));
    }

    @Test
    void aFileThatIsNotAPackFileIsRefusedNamingTheLine() {
        var refused =
                assertThrows(
                        EntryFiles.Refused.class,
                        () -> EntryFiles.read("---\nkind: faq\n---\n# Q?\n\n> quoted\n"));
        assertEquals(
                "file:6: a block quote is not part of the pack format (headings, paragraphs, lists and comments)",
                refused.getMessage());
    }
}
