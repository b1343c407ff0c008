package dev.reclaimer.agent.transform;

import static dev.reclaimer.agent.transform.ClassFileSummaryTest.bytesOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The finder on its class-path route: {@code java.base} stands for the bootstrap loader's appended
 * path (it belongs to the bootstrap loader and holds none of these classes), so the route is taken
 * although the agent's classes come from the test class path here.
 */
class ClassFileFinderTest {

    private static final ClassLoader SYSTEM = ClassLoader.getSystemClassLoader();

    private final ClassFileFinder finder = new ClassFileFinder(Object.class.getModule());

    @TempDir Path folder;

    @Test
    void find_classOnTheApplicationClassPath_readsItsClassFile() throws Exception {
        assertArrayEquals(
                bytesOf("example/fixtures/Region"), finder.find(SYSTEM, "example/fixtures/Region"));
    }

    @Test
    void find_classInParentAndChild_readsTheParentsAsLoadingWould() throws Exception {
        write("example/fixtures/Region.class", "the child's copy");

        try (URLClassLoader child = child(SYSTEM)) {
            assertArrayEquals(
                    bytesOf("example/fixtures/Region"),
                    finder.find(child, "example/fixtures/Region"));
        }
    }

    @Test
    void find_classOnlyInChild_readsTheChilds() throws Exception {
        byte[] own = write("example/finder/OnlyHere.class", "only in the child");

        try (URLClassLoader child = child(SYSTEM)) {
            assertArrayEquals(own, finder.find(child, "example/finder/OnlyHere"));
        }
    }

    @Test
    void find_classNowhere_isNull() throws Exception {
        try (URLClassLoader child = child(ClassLoader.getPlatformClassLoader())) {
            assertNull(finder.find(child, "example/finder/Missing"));
        }
    }

    @Test
    void find_loaderOfAnotherKind_asksTheLoaderItself() {
        byte[] answer = "from the loader".getBytes(StandardCharsets.UTF_8);
        ClassLoader custom =
                new ClassLoader(SYSTEM) {
                    @Override
                    public InputStream getResourceAsStream(String name) {
                        return new ByteArrayInputStream(answer);
                    }
                };

        assertArrayEquals(answer, finder.find(custom, "example/fixtures/Region"));
    }

    private byte[] write(String resource, String content) throws Exception {
        Path file = folder.resolve(resource);
        Files.createDirectories(file.getParent());
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        return bytes;
    }

    private URLClassLoader child(ClassLoader parent) throws Exception {
        return new URLClassLoader(new URL[] {folder.toUri().toURL()}, parent);
    }
}
