package dev.reclaimer.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The child JVM of the class-loading benchmark: loads every class of the given jars through one
 * fresh class loader, without initialising them, and prints {@code LOADED classes=N failed=M
 * nanos=T}. A class that cannot be defined (an optional dependency of the jar is absent) counts as
 * failed; it fails alike with and without the agent, and its bytes still pass through the agent.
 */
public final class ClassLoadingProbe {

    private ClassLoadingProbe() {}

    /**
     * Loads every class of the jars named by the arguments.
     *
     * @param args paths of jar files
     * @throws IOException if a jar cannot be read
     */
    public static void main(String[] args) throws IOException {
        List<String> names = new ArrayList<>();
        URL[] urls = new URL[args.length];
        for (int i = 0; i < args.length; i++) {
            urls[i] = new File(args[i]).toURI().toURL();
            names.addAll(classNames(args[i]));
        }
        try (URLClassLoader loader =
                new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            long start = System.nanoTime();
            int failed = loadAll(names, loader);
            long nanos = System.nanoTime() - start;
            System.out.println(
                    "LOADED classes="
                            + (names.size() - failed)
                            + " failed="
                            + failed
                            + " nanos="
                            + nanos);
        }
    }

    private static int loadAll(List<String> names, ClassLoader loader) {
        int failed = 0;
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                failed++;
            }
        }
        return failed;
    }

    private static List<String> classNames(String jarPath) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(jarPath)) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                String entry = entries.nextElement().getName();
                if (entry.endsWith(".class")
                        && !entry.startsWith("META-INF/")
                        && !entry.endsWith("module-info.class")
                        && !entry.endsWith("package-info.class")) {
                    names.add(entry.substring(0, entry.length() - 6).replace('/', '.'));
                }
            }
        }
        return names;
    }
}
