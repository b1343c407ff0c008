package dev.reclaimer.agent.cli;

import dev.reclaimer.agent.config.AgentConfig;
import dev.reclaimer.agent.transform.PlanInspector;
import dev.reclaimer.agent.transform.PlanInspector.MethodPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * The class path part of {@code check}: describes every class file of the given jars and folders
 * with a type pool (the JDK's class files are found by the platform class loader, which reads them
 * as resources and defines nothing), asks the agent's {@link PlanInspector} what it would do, and
 * prints the result grouped by the annotation or selector that gave each role.
 */
final class ClassPathReport {

    private static final List<String> ANNOTATIONS =
            List.of("@DeferredRelease", "@Safepoint", "@ReadSide");

    private final PlanInspector inspector;
    private final PrintStream out;
    private final Map<String, List<MethodPlan>> bySource = new LinkedHashMap<>();

    ClassPathReport(AgentConfig config, PrintStream out) {
        this.inspector = new PlanInspector(config);
        this.out = out;
        ANNOTATIONS.forEach(name -> bySource.put(name, new ArrayList<>()));
        inspector.selectorNames().forEach(name -> bySource.put(name, new ArrayList<>()));
        bySource.put(PlanInspector.detectorName(), new ArrayList<>());
    }

    /**
     * Inspects the class path and prints the report.
     *
     * @param entries jars and folders that exist
     * @return the number of errors (entries or classes that could not be read)
     */
    int write(List<Path> entries) {
        int errors = 0;
        TreeSet<String> classes = new TreeSet<>();
        List<ClassFileLocator> locators = new ArrayList<>();
        try {
            for (Path entry : entries) {
                try {
                    classes.addAll(classNames(entry));
                    locators.add(locator(entry));
                } catch (IOException | UncheckedIOException e) {
                    out.println("error: class path entry " + entry + " cannot be read: " + e);
                    errors++;
                }
            }
            errors += inspectAll(locators, classes);
        } finally {
            closeAll(locators);
        }
        String noun = entries.size() == 1 ? " entry, " : " entries, ";
        out.println("class path: " + entries.size() + noun + classes.size() + " classes");
        print();
        return errors;
    }

    private int inspectAll(List<ClassFileLocator> locators, TreeSet<String> classes) {
        List<ClassFileLocator> withJdk = new ArrayList<>(locators);
        withJdk.add(ClassFileLocator.ForClassLoader.ofPlatformLoader());
        TypePool pool = TypePool.Default.of(new ClassFileLocator.Compound(withJdk));
        int errors = 0;
        for (String name : classes) {
            if (inspector.mayTransform(name)) {
                errors += inspect(pool, name);
            }
        }
        return errors;
    }

    private static void closeAll(List<ClassFileLocator> locators) {
        for (ClassFileLocator locator : locators) {
            try {
                locator.close();
            } catch (IOException e) {
                // A jar left open until the command exits costs nothing.
            }
        }
    }

    private int inspect(TypePool pool, String name) {
        try {
            TypeDescription type = pool.describe(name).resolve();
            for (MethodPlan plan : inspector.inspect(type)) {
                for (String source : plan.sources()) {
                    bySource.computeIfAbsent(source, key -> new ArrayList<>()).add(plan);
                }
            }
            return 0;
        } catch (RuntimeException | LinkageError e) {
            out.println("error: class " + name + " cannot be described: " + e);
            return 1;
        }
    }

    private void print() {
        for (Map.Entry<String, List<MethodPlan>> group : bySource.entrySet()) {
            boolean selector = group.getKey().startsWith("selector ");
            if (group.getValue().isEmpty() && selector) {
                out.println(group.getKey());
                out.println("  warning: matches no method");
            } else if (!group.getValue().isEmpty()) {
                out.println(group.getKey());
                group.getValue().forEach(this::print);
            }
        }
    }

    private void print(MethodPlan plan) {
        String inherited =
                plan.inheritedFrom() == null
                        ? ""
                        : " (inherited from " + plan.inheritedFrom() + ")";
        switch (plan.outcome()) {
            case "change" ->
                    out.println("  change  " + plan.method() + " as " + plan.role() + inherited);
            case "refuse" -> out.println("  refuse  " + plan.method() + ": " + plan.reason());
            default ->
                    out.println(
                            "  abstract "
                                    + plan.method()
                                    + ": not changed, its role "
                                    + plan.role()
                                    + " passes to implementations");
        }
    }

    private static ClassFileLocator locator(Path entry) throws IOException {
        return Files.isDirectory(entry)
                ? new ClassFileLocator.ForFolder(entry.toFile())
                : ClassFileLocator.ForJarFile.of(entry.toFile());
    }

    /** The binary names of the class files in a jar or under a folder. */
    private static List<String> classNames(Path entry) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                files.filter(Files::isRegularFile)
                        .map(file -> entry.relativize(file).toString().replace('\\', '/'))
                        .forEach(path -> addClassName(names, path));
            }
            return names;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements(); ) {
                addClassName(names, all.nextElement().getName());
            }
        }
        return names;
    }

    private static void addClassName(List<String> names, String path) {
        boolean classFile =
                path.endsWith(".class")
                        && !path.startsWith("META-INF/")
                        && !path.endsWith("module-info.class")
                        && !path.endsWith("package-info.class");
        if (classFile) {
            names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
        }
    }
}
