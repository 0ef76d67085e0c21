package dev.ratbot.app.ops.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The launcher's logging, as SLF4J's provider (found through {@code META-INF/services}): one line
 * per event on standard error, library errors included, for journald, Docker and Kubernetes. See
 * {@link OneLineLogger} for the line and {@link LogLevels} for the levels. Records of {@code
 * java.util.logging} (which some libraries use) are written the same way.
 */
public final class OneLineLogging implements SLF4JServiceProvider {

    private static final String API_VERSION = "2.0.99";

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();
    private volatile OneLineLoggerFactory factory;

    @Override
    public void initialize() {
        factory =
                new OneLineLoggerFactory(
                        LogLevels.load(System.getProperties()),
                        System::currentTimeMillis,
                        () -> System.err);
        JulBridge.install(factory);
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return API_VERSION;
    }
}
