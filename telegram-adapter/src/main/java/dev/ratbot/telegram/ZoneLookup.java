package dev.ratbot.telegram;

import java.lang.ref.SoftReference;
import java.time.ZoneId;
import java.util.Optional;
import net.iakovlev.timeshape.TimeZoneEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time zone at a shared location, offline, from the time-zone boundaries in timeshape. The
 * location itself is never stored or logged. The boundary data takes about 220 MB of heap and five
 * seconds to load, so it is loaded on the first location only, held softly (the JVM may drop it
 * under memory pressure and it is loaded again when next needed), and only on a JVM allowed at
 * least {@link #MIN_HEAP} bytes: on smaller ones {@link #available()} is false and the bot offers
 * no location button.
 */
class ZoneLookup {

    private static final Logger log = LoggerFactory.getLogger(ZoneLookup.class);
    static final long MIN_HEAP = 1L << 30;

    private SoftReference<TimeZoneEngine> engine = new SoftReference<>(null);

    /** Whether locations can be turned into zones on this JVM. */
    boolean available() {
        return Runtime.getRuntime().maxMemory() >= MIN_HEAP;
    }

    /** The IANA zone at this point, empty at sea or when the lookup is not available. */
    Optional<ZoneId> zoneAt(double latitude, double longitude) {
        if (!available() || !Double.isFinite(latitude) || !Double.isFinite(longitude))
            return Optional.empty();
        if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return Optional.empty();
        try {
            return engine().query(latitude, longitude).filter(z -> !z.getId().startsWith("Etc/"));
        } catch (RuntimeException | OutOfMemoryError e) {
            engine = new SoftReference<>(null);
            log.warn("could not look up a time zone from a location: {}", e.toString());
            return Optional.empty();
        }
    }

    private synchronized TimeZoneEngine engine() {
        TimeZoneEngine e = engine.get();
        if (e == null) {
            long started = System.nanoTime();
            e = TimeZoneEngine.initialize();
            engine = new SoftReference<>(e);
            log.info(
                    "time-zone boundaries loaded in {} ms",
                    (System.nanoTime() - started) / 1_000_000);
        }
        return e;
    }
}
