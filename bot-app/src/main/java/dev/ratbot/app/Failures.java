package dev.ratbot.app;

/** Turns an exception into the one line an operator sees, without a stack trace. */
final class Failures {

    private Failures() {}

    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) t = t.getCause();
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
