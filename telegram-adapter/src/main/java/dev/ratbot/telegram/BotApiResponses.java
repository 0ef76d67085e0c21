package dev.ratbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Reads a Bot API answer by its documented envelope only ({@code ok}, {@code result}, {@code
 * error_code}, {@code description}, {@code parameters}), for the calls whose result the bot barely
 * needs. The library's own readers map the whole result object and fail on anything it does not
 * expect, such as a missing field it counts as required or a number too big for its type, even when
 * the call succeeded; and an error answer without {@code ok} makes them fail with no exception at
 * all, so the call never returns.
 */
final class BotApiResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BotApiResponses() {}

    /**
     * @return the {@code result} of a successful call (a missing node when there is none)
     * @throws TelegramApiRequestException when the answer is not JSON, or is not {@code ok: true};
     *     then with the error code, description and parameters the answer carries, if any
     */
    static JsonNode result(String answer, String method) throws TelegramApiRequestException {
        JsonNode root;
        try {
            root = JSON.readTree(answer == null ? "" : answer);
        } catch (IOException e) {
            throw new TelegramApiRequestException(
                    "Unable to deserialize the answer to " + method, e);
        }
        if (root != null && root.path("ok").asBoolean(false)) return root.path("result");
        throw new TelegramApiRequestException("Error executing " + method, error(root));
    }

    private static ApiResponse<Object> error(JsonNode root) {
        JsonNode node = root == null ? JSON.missingNode() : root;
        Integer code =
                node.path("error_code").canConvertToInt() ? node.path("error_code").asInt() : null;
        String description =
                node.path("description").isTextual()
                        ? node.path("description").asText()
                        : node.path("message").isTextual()
                                ? node.path("message").asText()
                                : "no description";
        ResponseParameters parameters = null;
        if (node.path("parameters").isObject()) {
            try {
                parameters = JSON.treeToValue(node.path("parameters"), ResponseParameters.class);
            } catch (IOException | IllegalArgumentException e) {
                // The parameters are advice (retry_after, migrate_to_chat_id); without them the
                // error still counts.
            }
        }
        return new ApiResponse<>(false, code, description, parameters, null);
    }
}
