package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ratbot.telegram.fake.Updates;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/** An update recorded in the inbox as JSON reads back as the same update, whatever its kind. */
class UpdatePayloadTest {

    private final ObjectMapper json =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void everyKindOfUpdateSurvivesTheRoundTrip() throws Exception {
        List<ObjectNode> kinds =
                List.of(
                        Updates.privateText(5, "/help 🐀 <b>"),
                        Updates.topicText(-100, 7, 5, "/tip"),
                        Updates.buttonTap(-100, "supergroup", 5, "/topic x"),
                        Updates.inlineQuery(5, ""),
                        Updates.replyInGroup(-100, 5, "and?", Updates.botMessage(-100, "earlier")));
        int id = 1;
        for (ObjectNode raw : kinds) {
            raw.put("update_id", id++);
            Update parsed = json.readValue(json.writeValueAsString(raw), Update.class);
            Update again = json.readValue(json.writeValueAsString(parsed), Update.class);
            assertEquals(parsed, again, raw.toString());
            assertEquals(UpdateIntake.lane(parsed), UpdateIntake.lane(again));
        }
    }
}
