package dev.ratbot.app.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.condition.OS;

class LargeBlocksByMmapTest {

    /** The Foreign Function API it calls through is final from Java 22 on. */
    @Test
    @EnabledOnOs(OS.LINUX)
    @EnabledForJreRange(min = JRE.JAVA_22)
    void onLinuxGlibcTakesTheThreshold() {
        assertTrue(LargeBlocksByMmap.apply(), "mallopt(M_MMAP_THRESHOLD, 128 KiB) was refused");
    }
}
