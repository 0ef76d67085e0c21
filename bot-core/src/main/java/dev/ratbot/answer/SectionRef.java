package dev.ratbot.answer;

/** A pointer to a section for follow-ups and buttons: its id (short, button-safe) and its title. */
public record SectionRef(String id, String title) {}
