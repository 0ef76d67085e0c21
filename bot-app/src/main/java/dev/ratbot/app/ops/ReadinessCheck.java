package dev.ratbot.app.ops;

import java.util.Objects;

/**
 * One condition {@code /readyz} reports: a platform connected, the database reachable.
 * Implementations answer quickly and never throw (a throw counts as not ready); they may be called
 * from several threads.
 */
public interface ReadinessCheck {

    /** A short stable name shown in {@code /readyz}, e.g. "database" or "telegram". */
    String name();

    Status check();

    /** The outcome of one check, with a one-line detail that never holds a secret. */
    record Status(boolean ready, String detail) {
        public Status {
            Objects.requireNonNull(detail, "detail");
        }

        public static Status ready(String detail) {
            return new Status(true, detail);
        }

        public static Status notReady(String detail) {
            return new Status(false, detail);
        }

        /**
         * Ready, but running without something: the bot still does its main work (answering), so
         * load balancers should keep sending it traffic; the detail says what is missing.
         */
        public static Status degraded(String detail) {
            return new Status(true, "degraded: " + detail);
        }
    }

    /** A check from a name and a function. */
    static ReadinessCheck of(String name, java.util.function.Supplier<Status> check) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Status check() {
                return check.get();
            }
        };
    }
}
