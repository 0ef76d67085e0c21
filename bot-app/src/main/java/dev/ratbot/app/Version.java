package dev.ratbot.app;

import picocli.CommandLine;

/** Reads the version from the jar's manifest, "development" when run from classes. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"ratbot " + (v == null ? "development" : v)};
    }
}
