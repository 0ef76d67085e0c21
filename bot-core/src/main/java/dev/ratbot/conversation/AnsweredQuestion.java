package dev.ratbot.conversation;

import dev.ratbot.answer.Answer;
import dev.ratbot.message.Reply;

/** A question with both the engine's answer (score, section) and the reply a user sees. */
public record AnsweredQuestion(Answer answer, Reply reply) {}
