package dev.ratbot.app.ops;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.util.Optional;

/**
 * Asks glibc to serve every block of 128 KiB or more by {@code mmap}, so that it goes back to the
 * system the moment it is freed.
 *
 * <p>ONNX Runtime sizes its buffers to each post: a long post takes several megabytes for a few
 * milliseconds. glibc starts by mapping such blocks, but each one freed raises its threshold, and
 * from then on blocks that size come from the malloc arena, which keeps them after they are freed
 * until the next trim ({@link NativeHeapTrimmer}). The peak resident memory of {@code java -Xmx160m
 * -jar ratbot.jar bench --large 0} was 288 to 314 MB over nine runs with glibc's default (median
 * 306 MB, six over the 300 MB target), and 281 to 302 MB over seventeen with the threshold fixed
 * (median 290 MB), whether by this call or by {@code
 * GLIBC_TUNABLES=glibc.malloc.mmap_threshold=131072}; three more, while the machine ran at half its
 * speed, gave 285, 305 and 317 MB. It narrows the margin's noise; it does not remove it.
 *
 * <p>{@code mallopt} is called through the Foreign Function API, by reflection because the code
 * base compiles for Java 21, where that API is a preview. On Java 21, without glibc, or anywhere
 * the call cannot be made, nothing changes.
 */
public final class LargeBlocksByMmap {

    /** glibc's own starting threshold, fixed so that it no longer grows. */
    public static final int THRESHOLD_BYTES = 128 * 1024;

    /** {@code M_MMAP_THRESHOLD} in glibc's {@code malloc.h}. */
    private static final int M_MMAP_THRESHOLD = -3;

    private LargeBlocksByMmap() {}

    /** Sets the threshold; true when glibc took it. */
    public static boolean apply() {
        return mallopt()
                .map(mallopt -> set(mallopt, M_MMAP_THRESHOLD, THRESHOLD_BYTES))
                .orElse(false);
    }

    /** {@code mallopt(parameter, value)}; true when glibc took it. */
    private static boolean set(MethodHandle mallopt, int parameter, int value) {
        try {
            return (int) mallopt.invokeExact(parameter, value) == 1;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return false;
        }
    }

    /** {@code int mallopt(int, int)} from the C library, when this runtime can call it. */
    private static Optional<MethodHandle> mallopt() {
        try {
            Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
            Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
            Class<?> lookupType = Class.forName("java.lang.foreign.SymbolLookup");
            Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
            Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
            Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
            Object linker = linkerType.getMethod("nativeLinker").invoke(null);
            Object libc = linkerType.getMethod("defaultLookup").invoke(linker);
            Optional<?> symbol =
                    (Optional<?>)
                            lookupType.getMethod("find", String.class).invoke(libc, "mallopt");
            if (symbol.isEmpty()) return Optional.empty();
            Object javaInt =
                    Class.forName("java.lang.foreign.ValueLayout").getField("JAVA_INT").get(null);
            Object arguments = Array.newInstance(layoutType, 2);
            Array.set(arguments, 0, javaInt);
            Array.set(arguments, 1, javaInt);
            Object descriptor =
                    descriptorType
                            .getMethod("of", layoutType, arguments.getClass())
                            .invoke(null, javaInt, arguments);
            Object noOptions = Array.newInstance(optionType, 0);
            return Optional.of(
                    (MethodHandle)
                            linkerType
                                    .getMethod(
                                            "downcallHandle",
                                            segmentType,
                                            descriptorType,
                                            noOptions.getClass())
                                    .invoke(linker, symbol.get(), descriptor, noOptions));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
