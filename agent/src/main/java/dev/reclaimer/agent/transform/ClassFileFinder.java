package dev.reclaimer.agent.transform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds the class file that a class loader would define for a class name, the way its class loading
 * finds it, for the pre-filter's look at supertypes that are not loaded yet.
 *
 * <p>{@code ClassLoader.getResourceAsStream} asks every parent loader first, and the JDK's built-in
 * loaders answer a name outside the packages of their modules by searching every module they define
 * for it as a plain resource: tens of module look-ups per name, which made the supertype reads the
 * largest part of the agent's cost per loaded class. A class in such a package can only come from a
 * class path, so for a chain made of loaders whose lookup is known (the bootstrap loader's appended
 * path, the platform loader, which has no class path, the application loader's class path, and
 * plain {@link URLClassLoader}s) the class paths are asked directly, parents first, as class
 * loading does. Any other loader in the chain, a name in a package of a module of the boot layer,
 * or the agent's own packages, take the general route through {@code getResourceAsStream}.
 *
 * <p>Thread-safe: the state is set up once in the constructor and only read afterwards.
 */
final class ClassFileFinder {

    private static final String APP_LOADER_CLASS =
            "jdk.internal.loader.ClassLoaders$AppClassLoader";

    /**
     * Packages ({@code java/lang}) of the boot layer's modules, whose loaders find them by module.
     */
    private final Set<String> modulePackages = new HashSet<>();

    private final ClassLoader platform = ClassLoader.getPlatformClassLoader();

    /** The bootstrap loader's unnamed module: its resources are the appended search path's. */
    private final Module bootClassPath;

    ClassFileFinder() {
        this(ClassFileFinder.class.getModule());
    }

    /**
     * Creates a finder with a given module standing for the bootstrap loader's appended path; the
     * class-path route is taken only when that module belongs to the bootstrap loader, as the
     * agent's own unnamed module does when the agent runs from its jar.
     */
    ClassFileFinder(Module bootClassPath) {
        this.bootClassPath = bootClassPath;
        for (Module module : ModuleLayer.boot().modules()) {
            for (String name : module.getPackages()) {
                modulePackages.add(name.replace('.', '/'));
            }
        }
    }

    /**
     * Returns the class file that {@code loader} would define for a class, or {@code null} when it
     * finds none or it cannot be read.
     *
     * @param loader the initiating loader, {@code null} for the bootstrap loader
     * @param internalName the class's internal name
     * @return the class file, or {@code null}
     */
    byte[] find(ClassLoader loader, String internalName) {
        String resource = internalName + ".class";
        try (InputStream in = open(loader, internalName, resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private InputStream open(ClassLoader loader, String internalName, String resource)
            throws IOException {
        Deque<ClassLoader> chain = classPathChain(loader, internalName);
        if (chain == null) {
            ClassLoader finder = loader == null ? platform : loader;
            return finder.getResourceAsStream(resource);
        }
        InputStream appended = bootClassPath.getResourceAsStream(resource);
        if (appended != null) {
            return appended;
        }
        for (ClassLoader each : chain) {
            InputStream in = openOnClassPath(each, resource);
            if (in != null) {
                return in;
            }
        }
        return null;
    }

    /**
     * The loaders below the platform loader that have a class path, parents first, or {@code null}
     * when the general route must be taken.
     */
    private Deque<ClassLoader> classPathChain(ClassLoader loader, String internalName) {
        int slash = internalName.lastIndexOf('/');
        String pkg = slash < 0 ? "" : internalName.substring(0, slash);
        if (loader == null
                || internalName.startsWith("dev/reclaimer/")
                || modulePackages.contains(pkg)
                || bootClassPath.getClassLoader() != null) {
            return null;
        }
        Deque<ClassLoader> chain = new ArrayDeque<>();
        for (ClassLoader each = loader; each != null && each != platform; each = each.getParent()) {
            if (!hasKnownClassPath(each)) {
                return null;
            }
            chain.addFirst(each);
        }
        return chain;
    }

    private static boolean hasKnownClassPath(ClassLoader loader) {
        Class<?> type = loader.getClass();
        return type == URLClassLoader.class || type.getName().equals(APP_LOADER_CLASS);
    }

    /** Looks on one loader's own class path only, without asking its parents. */
    private static InputStream openOnClassPath(ClassLoader loader, String resource)
            throws IOException {
        if (loader instanceof URLClassLoader urls) {
            URL url = urls.findResource(resource);
            return url == null ? null : url.openStream();
        }
        // The application loader's unnamed module reads the loader's class path and nothing else.
        return loader.getUnnamedModule().getResourceAsStream(resource);
    }
}
