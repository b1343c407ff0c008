package dev.reclaimer.agent.transform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each transformed class file to {@code reclaimer.debug.dump-dir}, at {@code
 * <folder>/<binary name with / separators>.class}, for {@code javap}. A class retransformed later
 * overwrites its earlier file, so the folder holds what the JVM runs now.
 *
 * <h2>Protocol</h2>
 *
 * Class-loading threads write concurrently; each writes its own class's file (the same class is
 * transformed by one thread at a time). A file is written to a temporary name and moved into place,
 * so {@code javap} never reads half a file. The first failure is one warning, later ones are logged
 * at debug level (an atomic flag); a failure never reaches the application, whose class is defined
 * as if nothing had been written.
 */
final class ClassDump {

    private static final Logger LOG = LoggerFactory.getLogger(ClassDump.class);

    private final Path folder;
    private final AtomicBoolean warned = new AtomicBoolean();

    ClassDump(Path folder) {
        this.folder = folder;
    }

    /**
     * Writes one class file.
     *
     * @param binaryName the class's binary name ({@code com.example.Outer$Inner})
     * @param bytes the class file as the JVM receives it
     */
    void write(String binaryName, byte[] bytes) {
        Path target = folder.resolve(binaryName.replace('.', '/') + ".class");
        Path partial = null;
        try {
            Files.createDirectories(target.getParent());
            partial = Files.createTempFile(target.getParent(), ".dump", ".tmp");
            Files.write(partial, bytes);
            Files.move(
                    partial,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            reportFailure(binaryName, target, e);
            deleteQuietly(partial);
        }
    }

    private void reportFailure(String binaryName, Path target, Exception e) {
        if (warned.compareAndSet(false, true)) {
            LOG.warn(
                    "cannot write transformed class {} to {}; dumping goes on, further failures"
                            + " are logged at debug level",
                    binaryName,
                    target,
                    e);
        } else {
            LOG.debug("cannot write transformed class {} to {}", binaryName, target, e);
        }
    }

    private static void deleteQuietly(Path partial) {
        if (partial == null) {
            return;
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot delete partial dump {}", partial, e);
        }
    }
}
